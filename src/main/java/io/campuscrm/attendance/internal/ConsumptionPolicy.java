package io.campuscrm.attendance.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.institution.Settings;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Which statuses consume a lesson, per course: a course's own policy if it has one, else the institution's settings
 * (present, late, unexcused absence and leaving early consume; excused absence does not, by default).
 */
@Component
public class ConsumptionPolicy {

    /** Whether each status consumes. */
    public record Policy(boolean present, boolean late, boolean absent, boolean excused, boolean leftEarly) {

        public boolean consumes(AttendanceStatus status) {
            return switch (status) {
                case PRESENT -> present;
                case LATE -> late;
                case ABSENT -> absent;
                case EXCUSED -> excused;
                case LEFT_EARLY -> leftEarly;
            };
        }
    }

    private final JdbcTemplate jdbc;
    private final Settings settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    ConsumptionPolicy(JdbcTemplate jdbc, Settings settings, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public Policy institutionDefault() {
        return new Policy(settings.get(AttendanceSettings.PRESENT_CONSUMES),
                settings.get(AttendanceSettings.LATE_CONSUMES), settings.get(AttendanceSettings.ABSENT_CONSUMES),
                settings.get(AttendanceSettings.EXCUSED_CONSUMES), settings.get(AttendanceSettings.LEFT_EARLY_CONSUMES));
    }

    public Policy of(long courseId) {
        return own(courseId).orElseGet(this::institutionDefault);
    }

    public Optional<Policy> own(long courseId) {
        List<Policy> rows = jdbc.query("""
                SELECT present_consumes, late_consumes, absent_consumes, excused_consumes, left_early_consumes
                FROM course_consumption_policy WHERE course_id = ?""", (rs, n) -> new Policy(rs.getBoolean(1),
                rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)), courseId);
        return rows.stream().findFirst();
    }

    /** The own policies of these courses, by course id; courses without one are left out. */
    public java.util.Map<Long, Policy> own(java.util.Collection<Long> courseIds) {
        java.util.Map<Long, Policy> result = new java.util.HashMap<>();
        if (courseIds.isEmpty()) {
            return result;
        }
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
        named.query("""
                SELECT course_id, present_consumes, late_consumes, absent_consumes, excused_consumes,
                       left_early_consumes
                FROM course_consumption_policy WHERE course_id IN (:ids)""", java.util.Map.of("ids", courseIds),
                rs -> {
                    result.put(rs.getLong(1), new Policy(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6)));
                });
        return result;
    }

    /** Sets a course's own policy, or with null makes it follow the institution's again. */
    public void set(long courseId, @org.jspecify.annotations.Nullable Policy policy) {
        if (policy == null) {
            jdbc.update("DELETE FROM course_consumption_policy WHERE course_id = ?", courseId);
            return;
        }
        jdbc.update("""
                INSERT INTO course_consumption_policy (course_id, present_consumes, late_consumes, absent_consumes,
                    excused_consumes, left_early_consumes, version, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
                ON DUPLICATE KEY UPDATE present_consumes = VALUES(present_consumes),
                    late_consumes = VALUES(late_consumes), absent_consumes = VALUES(absent_consumes),
                    excused_consumes = VALUES(excused_consumes), left_early_consumes = VALUES(left_early_consumes),
                    version = version + 1, updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)""",
                courseId, policy.present(), policy.late(), policy.absent(), policy.excused(), policy.leftEarly(),
                UtcDateTime.of(clock.instant()), currentUser.username());
    }
}
