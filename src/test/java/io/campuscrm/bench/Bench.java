package io.campuscrm.bench;

/** Times an operation: warm-up runs first (JIT, caches, connection pool), then the measured ones. */
final class Bench {

    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    private Bench() {
    }

    static Measurement measure(String name, int warmup, int iterations, Operation operation) throws Exception {
        for (int i = 0; i < warmup; i++) {
            operation.run();
        }
        long[] nanos = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long before = System.nanoTime();
            operation.run();
            nanos[i] = System.nanoTime() - before;
        }
        return Measurement.of(name, nanos, System.nanoTime() - start);
    }
}
