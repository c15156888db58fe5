package io.campuscrm.admissions.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.FollowUpKind;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.shared.i18n.ReaderLocale;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.StudentTimelineSource;
import io.campuscrm.students.TimelineEntry;

/**
 * The history of the lead a student was converted from (and of the leads merged into it) on the student's timeline
 * (decision 0079): the inquiry, its stages, its follow-ups with what was said, its trial lessons and the conversion.
 * Who owned it and when is admissions' business, left out. For administrators and admissions only: a teacher or the
 * finance office reading the student's file sees none of it. Two statements, whatever the history's length.
 */
@Component
class AdmissionsTimeline implements StudentTimelineSource {

    /** The kinds of history line the timeline shows; owners, merges and family links stay on the lead's page. */
    private static final List<String> SHOWN = List.of("CREATED", "STAGE", "CONVERTED", "TRIAL_BOOKED",
            "TRIAL_ATTENDED", "TRIAL_NO_SHOW", "TRIAL_MOVED", "TRIAL_CANCELLED");

    private static final String LEADS_OF_STUDENT = """
            SELECT id FROM admission_lead WHERE student_id = :student
            UNION SELECT m.id FROM admission_lead m JOIN admission_lead s ON m.merged_into_id = s.id
            WHERE s.student_id = :student""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ReaderLocale reader;

    AdmissionsTimeline(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, ReaderLocale reader) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    @Override
    public List<TimelineEntry> entries(long studentId, @Nullable Instant before, int limit) {
        if (!currentUser.hasRole(Role.ADMIN) && !currentUser.hasRole(Role.ADMISSIONS)) {
            return List.of();
        }
        var params = new MapSqlParameterSource("student", studentId).addValue("limit", limit)
                .addValue("kinds", SHOWN).addValue("before", before == null ? null : UtcDateTime.of(before));
        var times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(reader.get());
        List<TimelineEntry> entries = new ArrayList<>(jdbc.query("""
                SELECT e.lead_id, e.kind, e.before_value, e.after_value, e.detail, e.occurred_at, e.actor,
                       l.child_name, s.label_key, s.name
                FROM lead_event e JOIN admission_lead l ON l.id = e.lead_id JOIN lead_source s ON s.id = l.source_id
                WHERE e.lead_id IN (""" + LEADS_OF_STUDENT + """
                ) AND e.kind IN (:kinds) AND (:before IS NULL OR e.occurred_at < :before)
                ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit""", params, (rs, n) -> {
                    String kind = rs.getString("kind");
                    String lead = "leads/" + rs.getLong("lead_id");
                    String source = rs.getString("label_key") != null ? TimelineEntry.key(rs.getString("label_key"))
                            : rs.getString("name");
                    List<String> args = switch (kind) {
                        case "CREATED" -> List.of(rs.getString("child_name"), source);
                        case "STAGE" -> List.of(stage(rs.getString("before_value")),
                                stage(rs.getString("after_value")));
                        case "CONVERTED" -> List.of(String.valueOf(rs.getString("detail")));
                        case "TRIAL_MOVED" -> List.of(text(rs.getString("detail")), time(times,
                                rs.getString("before_value")), time(times, rs.getString("after_value")));
                        default -> List.of(text(rs.getString("detail")), time(times, rs.getString("after_value")));
                    };
                    return new TimelineEntry(UtcDateTime.read(rs, "occurred_at"), "lead", "timeline.lead."
                            + kind.toLowerCase(Locale.ROOT).replace('_', '-'), args, null, rs.getString("actor"), lead);
                }));
        entries.addAll(jdbc.query("""
                SELECT f.lead_id, f.kind, f.outcome, f.happened_at, f.created_by FROM lead_follow_up f
                WHERE f.lead_id IN (""" + LEADS_OF_STUDENT + """
                ) AND (:before IS NULL OR f.happened_at < :before)
                ORDER BY f.happened_at DESC, f.id DESC LIMIT :limit""", params, (rs, n) -> new TimelineEntry(
                        UtcDateTime.read(rs, "happened_at"), "lead", "timeline.lead.follow-up", List.of(
                                TimelineEntry.key(FollowUpKind.valueOf(rs.getString("kind")).messageKey())),
                        rs.getString("outcome"), rs.getString("created_by"), "leads/" + rs.getLong("lead_id"))));
        entries.sort(Comparator.comparing(TimelineEntry::occurredAt).reversed());
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
    }

    private static String stage(@Nullable String name) {
        return name == null ? "—" : TimelineEntry.key(LeadStage.valueOf(name).messageKey());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String time(DateTimeFormatter format, @Nullable String local) {
        if (local == null) {
            return "";
        }
        try {
            return format.format(LocalDateTime.parse(local));
        } catch (DateTimeParseException notATime) {
            return local;
        }
    }
}
