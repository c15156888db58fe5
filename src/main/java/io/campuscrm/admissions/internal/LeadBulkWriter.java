package io.campuscrm.admissions.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.BulkLead;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.shared.database.MultiRowInsert;
import io.campuscrm.shared.database.UtcDateTime;

/**
 * Writes many leads with their history and follow-ups in multi-row statements: the leads {@value #ROWS} to an
 * {@code INSERT … RETURNING id} (MariaDB answers the ids in the rows' order, as the import's writer relies on too),
 * then their history and follow-ups, which refer to those ids.
 */
@Component
public class LeadBulkWriter {

    private static final int ROWS = MultiRowInsert.ROWS_PER_STATEMENT;
    private static final String HEAD = """
            INSERT INTO admission_lead (campus_id, child_name, guardian_name, phone, email, course_id,
                preferred_times, message, source_id, campaign_id, referring_family_id, stage, lost_reason_id,
                owner_id, next_action, next_action_on, channel, version, created_at, created_by, updated_at,
                updated_by, first_contact_at, quiet_since) VALUES\s""";
    private static final String TUPLE = "(" + String.join(", ", Collections.nCopies(24, "?")) + ")";

    private final JdbcTemplate jdbc;

    LeadBulkWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the leads' ids, in input order */
    public List<Long> write(List<BulkLead> leads, String user) {
        var events = new MultiRowInsert(jdbc,
                "lead_event (lead_id, kind, before_value, after_value, detail, occurred_at, actor)", 7);
        var followUps = new MultiRowInsert(jdbc, """
                lead_follow_up (lead_id, kind, outcome, happened_at, next_action, next_action_on, by_user_id,
                    created_at, created_by)""", 9);
        List<Long> ids = new ArrayList<>(leads.size());
        for (int from = 0; from < leads.size(); from += ROWS) {
            var chunk = leads.subList(from, Math.min(leads.size(), from + ROWS));
            String sql = HEAD + String.join(", ", Collections.nCopies(chunk.size(), TUPLE)) + " RETURNING id";
            // the leads first: their history and follow-ups refer to them
            var chunkIds = jdbc.query(sql, ps -> {
                int i = 1;
                for (var lead : chunk) {
                    for (Object value : row(lead, user)) {
                        // untyped NULLs, as MultiRowInsert binds them: no typed-null lookup on the server
                        if (value == null) {
                            ps.setNull(i++, Types.NULL);
                        } else {
                            ps.setObject(i++, value);
                        }
                    }
                }
            }, (rs, n) -> rs.getLong(1));
            if (chunkIds.size() != chunk.size()) {
                throw new IllegalStateException(chunkIds.size() + " ids for " + chunk.size() + " leads");
            }
            ids.addAll(chunkIds);
            for (int i = 0; i < chunk.size(); i++) {
                history(events, followUps, ids.get(from + i), chunk.get(i), user);
            }
        }
        events.flush();
        followUps.flush();
        return ids;
    }

    private static @Nullable Object[] row(BulkLead lead, String user) {
        var last = lead.followUps().isEmpty() ? lead.createdAt() : lead.followUps().getLast().at();
        return new @Nullable Object[] {lead.campusId(), lead.childName(), lead.guardianName(), lead.phone(),
            lead.email(), lead.courseId(), lead.preferredTimes(), lead.message(), lead.sourceId(), lead.campaignId(),
            lead.referringFamilyId(), lead.stage().name(), lead.lostReasonId(), lead.ownerId(),
            lead.nextAction() == null ? null : lead.nextAction().name(), lead.nextActionOn(), lead.channel().name(),
            0, UtcDateTime.of(lead.createdAt()), user, UtcDateTime.of(last), user,
            lead.firstContactAt() == null ? null : UtcDateTime.of(lead.firstContactAt()),
            // an owned lead has been quiet since its last follow-up (or since it came in)
            lead.ownerId() == null ? null : UtcDateTime.of(last)};
    }

    private static void history(MultiRowInsert events, MultiRowInsert followUps, long id, BulkLead lead,
            String user) {
        var created = UtcDateTime.of(lead.createdAt());
        var last = lead.followUps().isEmpty() ? lead.createdAt() : lead.followUps().getLast().at();
        events.add(id, "CREATED", null, LeadStage.NEW.name(), lead.ownerId() == null ? null
                : String.valueOf(lead.ownerId()), created, user);
        for (var f : lead.followUps()) {
            var at = UtcDateTime.of(f.at());
            followUps.add(id, f.kind().name(), f.outcome(), at, f.nextAction() == null ? null
                    : f.nextAction().name(), f.nextActionOn(), f.byUserId(), at, f.byUsername());
            events.add(id, "FOLLOW_UP", null, f.kind().name(), null, at, f.byUsername());
        }
        if (lead.stage() != LeadStage.NEW) {
            events.add(id, "STAGE", LeadStage.NEW.name(), lead.stage().name(), lead.lostReasonId() == null ? null
                    : String.valueOf(lead.lostReasonId()), UtcDateTime.of(last), lead.followUps().isEmpty()
                    ? user : lead.followUps().getLast().byUsername());
        }
    }

    /**
     * Spreads when the owners of open leads last followed them up over the last {@code hours} (deterministically, by
     * id): a school's leads are at every point of their owners' attention, some about to go back to the pool, some
     * past it. One statement.
     *
     * @return the leads changed
     */
    public int spreadQuiet(int hours, java.time.Instant now) {
        return jdbc.update("""
                UPDATE admission_lead SET quiet_since = GREATEST(created_at, ? - INTERVAL MOD(id * 7919, ?) HOUR)
                WHERE owner_id IS NOT NULL AND merged_into_id IS NULL AND stage NOT IN ('ENROLLED', 'LOST')""",
                UtcDateTime.of(now), Math.max(1, hours));
    }
}
