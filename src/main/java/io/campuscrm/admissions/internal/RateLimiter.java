package io.campuscrm.admissions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts requests per bucket (an intake key, a client address) over a sliding window, in this process's memory: a
 * request over the limit is refused with the time until the oldest counted one leaves the window. A restart forgets
 * the counts, which only ever lets a caller in sooner. Buckets idle for longer than an hour are dropped as the
 * map grows, so an attack from many addresses cannot grow it without bound.
 */
@Component
public class RateLimiter {

    private static final int TIDY_ABOVE = 10_000;
    /** The longest window any caller uses: a bucket idle for longer counts nothing any more. */
    private static final Duration LONGEST = Duration.ofHours(1);

    private final ConcurrentHashMap<String, Deque<Instant>> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts a request in the bucket if fewer than {@code limit} were counted within {@code window}: empty when it
     * is let through, else how long until one more would be.
     */
    public Optional<Duration> acquire(String bucket, int limit, Duration window) {
        var now = clock.instant();
        var since = now.minus(window);
        if (buckets.size() > TIDY_ABOVE) {
            tidy(now.minus(window.compareTo(LONGEST) > 0 ? window : LONGEST));
        }
        var times = buckets.computeIfAbsent(bucket, b -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                var wait = Duration.between(now, times.peekFirst().plus(window));
                return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    /** Forgets every count (tests, and an administrator who lifts a block). */
    public void reset() {
        buckets.clear();
    }

    private void tidy(Instant since) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(since);
            }
        });
    }
}
