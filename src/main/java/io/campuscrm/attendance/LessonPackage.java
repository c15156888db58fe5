package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A student's package of a course. {@code remainingValue} is 余费: the purchase value times remaining over
 * quantity, to the cent ({@link io.campuscrm.attendance.internal.PackageValue}); {@code forfeitedValue} what expiry
 * took. {@code state} is what the lists show.
 */
public record LessonPackage(long id, long studentId, long courseId, String courseName, PackageUnit unit,
        BigDecimal quantity, BigDecimal consumed, BigDecimal purchaseValue, BigDecimal remainingValue,
        BigDecimal forfeitedValue, LocalDate startsOn, LocalDate expiresOn, PackageSource source,
        @Nullable String sourceRef, State state, @Nullable LocalDate frozenFrom, @Nullable LocalDate frozenUntil,
        @Nullable String note, long version) {

    public BigDecimal remaining() {
        return quantity.subtract(consumed);
    }

    /** What a package is now: usable, frozen today, used up, expired, or not started yet. */
    public enum State {
        ACTIVE, FROZEN, USED_UP, EXPIRED, NOT_STARTED;

        public String messageKey() {
            return "package.state." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
