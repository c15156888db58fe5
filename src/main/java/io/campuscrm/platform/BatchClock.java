package io.campuscrm.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The clock Spring Batch stamps its runs with: the server's own, not the application's injected {@link Clock}
 * (Batch takes {@code LocalDateTime.now()} and cannot be given another). Whether a run has gone quiet is judged
 * against this clock, the only place the platform reads the real time; tests that make Batch runs by hand use it too.
 */
public final class BatchClock {

    private static final Clock SERVER = Clock.systemDefaultZone();

    private BatchClock() {
    }

    /** Now, as Batch writes its times: the server's local date and time. */
    public static LocalDateTime now() {
        return LocalDateTime.now(SERVER);
    }

    public static Instant instant() {
        return SERVER.instant();
    }
}
