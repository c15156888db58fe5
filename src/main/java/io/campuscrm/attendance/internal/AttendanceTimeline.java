package io.campuscrm.attendance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.attendance.AttendanceNavigation;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.shared.i18n.ReaderLocale;
import io.campuscrm.students.StudentTimelineSource;
import io.campuscrm.students.TimelineEntry;

/**
 * Attendance on the student's timeline: each mark as it was taken or corrected, in classes the reader may see (a
 * teacher sees their own classes' marks), newest first, linking to the roster.
 */
@Component
class AttendanceTimeline implements StudentTimelineSource {

    private final NamedParameterJdbcTemplate jdbc;
    private final ClassSearch classes;
    private final ReaderLocale reader;

    AttendanceTimeline(NamedParameterJdbcTemplate jdbc, ClassSearch classes, ReaderLocale reader) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.reader = reader;
    }

    private record Row(long sessionId, long classId, LocalDate date, @Nullable String before, String after,
            @Nullable Integer late, @Nullable String note, boolean correction, @Nullable String actor, Instant at) {
    }

    @Override
    public List<TimelineEntry> entries(long studentId, @Nullable Instant before, int limit) {
        var params = new MapSqlParameterSource("student", studentId).addValue("limit", limit);
        String condition = "";
        if (before != null) {
            params.addValue("before", UtcDateTime.of(before));
            condition = " AND c.changed_at < :before";
        }
        var rows = jdbc.query("""
                SELECT c.session_id, s.class_id, s.session_date, c.before_status, c.after_status,
                       c.after_late_minutes, c.after_note, c.correction, c.changed_by, c.changed_at
                FROM attendance_change c JOIN attendance_sheet s ON s.session_id = c.session_id
                WHERE c.student_id = :student""" + condition + " ORDER BY c.changed_at DESC, c.id DESC LIMIT :limit",
                params, (rs, n) -> {
                    int late = rs.getInt("after_late_minutes");
                    return new Row(rs.getLong("session_id"), rs.getLong("class_id"),
                            rs.getObject("session_date", LocalDate.class), rs.getString("before_status"),
                            rs.getString("after_status"), rs.wasNull() ? null : late, rs.getString("after_note"),
                            rs.getBoolean("correction"), rs.getString("changed_by"),
                            Objects.requireNonNull(UtcDateTime.read(rs, "changed_at")));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        var labels = classes.labels(rows.stream().map(Row::classId).distinct().toList());
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(reader.get());
        List<TimelineEntry> entries = new ArrayList<>();
        for (var row : rows) {
            var label = labels.get(row.classId());
            if (label == null) {
                continue;
            }
            var after = AttendanceStatus.valueOf(row.after());
            List<String> args = new ArrayList<>(List.of(TimelineEntry.key(after.messageKey()), label.code(),
                    dates.format(row.date())));
            String key;
            if (row.before() != null) {
                key = "timeline.attendance.corrected";
                args.add(TimelineEntry.key(AttendanceStatus.valueOf(row.before()).messageKey()));
            } else {
                key = row.late() != null ? "timeline.attendance.late" : "timeline.attendance.marked";
                if (row.late() != null) {
                    args.add(String.valueOf(row.late()));
                }
            }
            entries.add(new TimelineEntry(row.at(), "attendance", key, args, row.note(), row.actor(),
                    AttendanceNavigation.roster(row.sessionId())));
        }
        return entries;
    }
}
