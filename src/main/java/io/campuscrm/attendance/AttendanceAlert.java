package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.campuscrm.students.StudentRef;

/**
 * A line of one of the alert lists ({@link AttendanceAlerts}): always about a student the reader may see, with what
 * the alert is about.
 */
public sealed interface AttendanceAlert {

    StudentRef student();

    /**
     * The student's latest marks in the class are unexcused absences, {@code absences} of them in a row within the
     * look-back window, the last on {@code lastAbsence}.
     */
    record AbsenceStreak(StudentRef student, long classId, String classLabel, int absences, LocalDate lastAbsence)
            implements AttendanceAlert {
    }

    /** The student attended {@code attended} of {@code marked} marked sessions of the rate's weeks. */
    record LowRate(StudentRef student, int marked, int attended) implements AttendanceAlert {

        /** Attended over marked, in per cent to one decimal, as the attendance summary counts it. */
        public BigDecimal rate() {
            return BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(marked), 1,
                    java.math.RoundingMode.HALF_UP);
        }
    }

    /**
     * What is left of the student's packages of the course still in force (not expired) is below the low-balance
     * threshold of the package's campus; {@code nextExpiry} is the nearest expiry of a package with something left.
     */
    record LowBalance(StudentRef student, long courseId, String courseName, BigDecimal remaining,
            @Nullable LocalDate nextExpiry) implements AttendanceAlert {
    }

    /** A package with lessons left that expires within the warning days; {@code warned}: the family was told. */
    record ExpiringPackage(long packageId, StudentRef student, long courseId, String courseName, PackageUnit unit,
            BigDecimal remaining, BigDecimal remainingValue, LocalDate expiresOn, boolean warned)
            implements AttendanceAlert {
    }

    /**
     * A lesson attended with nothing left to take it from, not yet paid by a package: {@code quantity} in
     * {@code unit}, worth {@code value} at the course's lesson price.
     */
    record OwedLesson(long entryId, StudentRef student, long courseId, String courseName, long sessionId,
            LocalDate sessionDate, BigDecimal quantity, PackageUnit unit, BigDecimal value)
            implements AttendanceAlert {
    }

    /** How many lines a list has, counted up to a cap: {@code more} when there are more than {@code count}. */
    record Count(int count, boolean more) {
    }

    /** The office's four lists, counted for the dashboard. */
    record Counts(Count absenceStreaks, Count lowRates, Count lowBalances, Count expiringPackages) {
    }

    /**
     * What the lists look for today, from the settings: {@code consecutiveAbsences} in a row within the weeks since
     * {@code absencesSince} (twice as many weeks as absences, so that a class meeting every other week can reach
     * them); a rate below {@code rateThreshold} per cent from {@code rateFrom}; packages expiring by
     * {@code warnUntil}; fewer than {@code lowBalance} lessons left (the institution's; a campus may have its own).
     */
    record Criteria(LocalDate today, int consecutiveAbsences, LocalDate absencesSince, BigDecimal rateThreshold,
            int rateWeeks, LocalDate rateFrom, int warningDays, LocalDate warnUntil, int lowBalance) {
    }
}
