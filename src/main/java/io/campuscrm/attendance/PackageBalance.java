package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a student has left of a course: remaining lessons (or hours) of the packages that can still be used, their
 * remaining prepaid value (余费), lessons attended with nothing left (owed), and the nearest expiry.
 *
 * @param low true when remaining is below the low-balance threshold
 */
public record PackageBalance(long studentId, long courseId, BigDecimal remaining, BigDecimal remainingValue,
        BigDecimal owed, @Nullable LocalDate nextExpiry, boolean low) {

    public static PackageBalance none(long studentId, long courseId) {
        return new PackageBalance(studentId, courseId, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO, null, false);
    }

    public boolean owing() {
        return owed.signum() > 0;
    }
}
