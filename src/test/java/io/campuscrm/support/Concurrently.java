package io.campuscrm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.SystemAuthentication;

/** Races service calls against each other, as two users saving at the same moment would. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs the tasks at the same moment, each on its own thread (so in its own transaction) as the system.
     *
     * @return per task, in order, its result or the {@link DomainException} that refused it
     */
    public static List<Object> run(List<? extends Callable<?>> tasks) throws Exception {
        var barrier = new CyclicBarrier(tasks.size());
        var pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return SystemAuthentication.call(() -> {
                        try {
                            return (Object) task.call();
                        } catch (DomainException e) {
                            return e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                try {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("unexpected failure", e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
