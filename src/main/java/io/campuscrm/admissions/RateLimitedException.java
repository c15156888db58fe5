package io.campuscrm.admissions;

import java.time.Duration;

/** Too many requests from one address or with one key: try again after {@link #retryAfter()}. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Rate limited; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
