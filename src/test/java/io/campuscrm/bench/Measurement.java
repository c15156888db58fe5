package io.campuscrm.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The timings of one operation: nearest-rank percentiles over the measured iterations (the warm-up excluded), and
 * throughput as iterations per second of the measured run, one caller at a time.
 */
record Measurement(String operation, long[] nanos, long totalNanos) {

    static Measurement of(String operation, long[] nanos, long totalNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Measurement(operation, sorted, totalNanos);
    }

    int count() {
        return nanos.length;
    }

    double percentileMillis(double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * nanos.length);
        return millis(nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))]);
    }

    double maxMillis() {
        return millis(nanos[nanos.length - 1]);
    }

    double perSecond() {
        return totalNanos == 0 ? 0 : nanos.length * (double) TimeUnit.SECONDS.toNanos(1) / totalNanos;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
