package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/** The attendance module's settings: the consumption policy's defaults, the teachers' window, the alerts. */
@Configuration
public class AttendanceSettings {

    public static final Setting<Boolean> PRESENT_CONSUMES = Setting.bool("attendance", "present-consumes", true);
    public static final Setting<Boolean> LATE_CONSUMES = Setting.bool("attendance", "late-consumes", true);
    public static final Setting<Boolean> ABSENT_CONSUMES = Setting.bool("attendance", "absent-consumes", true);
    public static final Setting<Boolean> EXCUSED_CONSUMES = Setting.bool("attendance", "excused-consumes", false);
    public static final Setting<Boolean> LEFT_EARLY_CONSUMES = Setting.bool("attendance", "left-early-consumes",
            true);
    /** How long after attendance is first taken its teacher may still correct it; administrators always may. */
    public static final Setting<Duration> TEACHER_WINDOW = Setting.duration("attendance", "teacher-correction-window",
            Duration.ofHours(48), Duration.ZERO, Duration.ofDays(60));
    public static final Setting<Integer> LOW_BALANCE = Setting.integer("attendance", "low-balance-lessons", 5, 0,
            100).perCampus();
    public static final Setting<Integer> EXPIRY_WARNING_DAYS = Setting.integer("attendance", "expiry-warning-days",
            14, 0, 365);
    public static final Setting<Integer> CONSECUTIVE_ABSENCES = Setting.integer("attendance",
            "consecutive-absences", 3, 2, 20);
    public static final Setting<BigDecimal> RATE_THRESHOLD = Setting.decimal("attendance", "rate-threshold",
            new BigDecimal("80"), BigDecimal.ZERO, new BigDecimal("100"));
    public static final Setting<Integer> RATE_WEEKS = Setting.integer("attendance", "rate-weeks", 4, 1, 52);
    public static final Setting<Boolean> ABSENCE_EMAIL = Setting.bool("attendance", "absence-email", false);
    public static final Setting<Integer> RENEWAL_DAYS = Setting.integer("attendance", "renewal-days", 30, 1, 365);
    public static final Setting<String> EXPIRY_SCHEDULE = Setting.cron("attendance", "expiry-schedule",
            "0 30 1 * * *");
    public static final Setting<Boolean> EXPIRY_ENABLED = Setting.bool("attendance", "expiry-enabled", true);

    @Bean
    SettingsDeclaration attendanceSettingsDeclaration() {
        return () -> List.of(PRESENT_CONSUMES, LATE_CONSUMES, ABSENT_CONSUMES, EXCUSED_CONSUMES, LEFT_EARLY_CONSUMES,
                TEACHER_WINDOW, LOW_BALANCE, EXPIRY_WARNING_DAYS, CONSECUTIVE_ABSENCES, RATE_THRESHOLD, RATE_WEEKS,
                ABSENCE_EMAIL, RENEWAL_DAYS, EXPIRY_SCHEDULE, EXPIRY_ENABLED);
    }
}
