package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The steps of a conversion, each reported as it is passed: the point where a test makes one fail, to see that a
 * failure anywhere leaves nothing behind (decision 0079). Nothing ever arms it outside the tests of this package.
 */
@Component
class ConversionSteps {

    enum Step {
        /** The student (and their family, new or joined) is saved. */
        STUDENT,
        /** The student is enrolled, or on the waiting list. */
        ENROLLMENT,
        /** The lead is marked enrolled and the conversion recorded. */
        LEAD,
        /** The conversion is published. */
        PUBLISHED
    }

    private final ThreadLocal<@Nullable Step> failAt = new ThreadLocal<>();

    /** Makes this thread's next conversion fail just after {@code step}. */
    void failAfter(@Nullable Step step) {
        if (step == null) {
            failAt.remove();
        } else {
            failAt.set(step);
        }
    }

    void passed(Step step) {
        if (step == failAt.get()) {
            failAt.remove();
            throw new IllegalStateException("failure injected after " + step);
        }
    }
}
