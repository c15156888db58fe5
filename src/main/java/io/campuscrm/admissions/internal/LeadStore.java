package io.campuscrm.admissions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.FollowUp;
import io.campuscrm.admissions.FollowUpKind;
import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadChannel;
import io.campuscrm.admissions.LeadEvent;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.LeadWork;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.shared.database.MultiRowInsert;
import io.campuscrm.shared.database.UtcDateTime;

/** Leads, their history and follow-ups, with plain JDBC. */
@Component
public class LeadStore {

    private static final String COLUMNS = """
            id, campus_id, child_name, guardian_name, phone, email, course_id, preferred_times, message, source_id,
            campaign_id, referring_family_id, family_id, stage, lost_reason_id, owner_id, next_action, next_action_on,
            consent_text, consent_at, merged_into_id, version, created_at, created_by, updated_at, updated_by,
            first_contact_at, channel, language, quiet_since, student_id""";

    private final NamedParameterJdbcTemplate jdbc;

    LeadStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead to insert, already normalised. */
    public record NewLead(long campusId, String childName, @Nullable String guardianName, @Nullable String phone,
            @Nullable String email, @Nullable Long courseId, @Nullable String preferredTimes,
            @Nullable String message, long sourceId, @Nullable Long campaignId, @Nullable Long referringFamilyId,
            @Nullable Long ownerId, @Nullable String consentText, @Nullable Instant consentAt,
            @Nullable String requestId, LeadChannel channel, @Nullable String language, @Nullable Long intakeKeyId) {
    }

    public long insert(NewLead lead, Instant now, String user) {
        var params = new MapSqlParameterSource().addValue("campus", lead.campusId())
                .addValue("child", lead.childName()).addValue("guardian", lead.guardianName())
                .addValue("phone", lead.phone()).addValue("email", lead.email()).addValue("course", lead.courseId())
                .addValue("times", lead.preferredTimes()).addValue("message", lead.message())
                .addValue("source", lead.sourceId()).addValue("campaign", lead.campaignId())
                .addValue("referrer", lead.referringFamilyId()).addValue("owner", lead.ownerId())
                .addValue("consent", lead.consentText())
                .addValue("consentAt", lead.consentAt() == null ? null : UtcDateTime.of(lead.consentAt()))
                .addValue("request", lead.requestId()).addValue("channel", lead.channel().name())
                .addValue("language", lead.language()).addValue("key", lead.intakeKeyId())
                .addValue("now", UtcDateTime.of(now)).addValue("user", user);
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO admission_lead (campus_id, child_name, guardian_name, phone, email, course_id,
                    preferred_times, message, source_id, campaign_id, referring_family_id, stage, owner_id,
                    consent_text, consent_at, request_id, channel, language, intake_key_id, version, created_at,
                    created_by, updated_at, updated_by, quiet_since)
                VALUES (:campus, :child, :guardian, :phone, :email, :course, :times, :message, :source, :campaign,
                    :referrer, 'NEW', :owner, :consent, :consentAt, :request, :channel, :language, :key, 0, :now,
                    :user, :now, :user, CASE WHEN :owner IS NULL THEN NULL ELSE :now END)""",
                params, keys, new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** A lead of a file: its values, the family its child is linked to, and when it came in (maybe long ago). */
    public record ImportedLead(NewLead lead, @Nullable Long familyId, Instant createdAt) {
    }

    /** Leads per statement of {@link #insertAll}: one round trip per few hundred leads. */
    public static final int ROWS_PER_STATEMENT = MultiRowInsert.ROWS_PER_STATEMENT;

    private static final String IMPORT_HEAD = """
            INSERT INTO admission_lead (campus_id, child_name, guardian_name, phone, email, course_id,
                preferred_times, message, source_id, campaign_id, referring_family_id, family_id, stage, owner_id,
                consent_text, consent_at, request_id, channel, language, intake_key_id, version, created_at,
                created_by, updated_at, updated_by, quiet_since) VALUES\s""";
    private static final String IMPORT_TUPLE = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, 0, ?,"
            + " ?, ?, ?, ?)";

    /**
     * Inserts New leads with multi-row statements of {@link #ROWS_PER_STATEMENT} rows, each returning its rows' ids
     * ({@code RETURNING}, in the rows' order): no statement per lead.
     *
     * @return the new ids, in the order of {@code leads}
     */
    public List<Long> insertAll(List<ImportedLead> leads, Instant now, String user) {
        List<Long> ids = new ArrayList<>(leads.size());
        var updated = UtcDateTime.of(now);
        for (int from = 0; from < leads.size(); from += ROWS_PER_STATEMENT) {
            var chunk = leads.subList(from, Math.min(leads.size(), from + ROWS_PER_STATEMENT));
            String sql = IMPORT_HEAD + String.join(", ", Collections.nCopies(chunk.size(), IMPORT_TUPLE))
                    + " RETURNING id";
            ids.addAll(jdbc.getJdbcTemplate().query(sql, ps -> {
                int i = 1;
                for (ImportedLead row : chunk) {
                    var l = row.lead();
                    for (Object value : new @Nullable Object[] {l.campusId(), l.childName(), l.guardianName(),
                        l.phone(), l.email(), l.courseId(), l.preferredTimes(), l.message(), l.sourceId(),
                        l.campaignId(), l.referringFamilyId(), row.familyId(), l.ownerId(), l.consentText(),
                        l.consentAt() == null ? null : UtcDateTime.of(l.consentAt()), l.requestId(),
                        l.channel().name(), l.language(), l.intakeKeyId(), UtcDateTime.of(row.createdAt()), user,
                        updated, user, l.ownerId() == null ? null : updated}) {
                        // untyped NULLs: a typed-null lookup would prepare the statement on the server (MultiRowInsert)
                        if (value == null) {
                            ps.setNull(i++, Types.NULL);
                        } else {
                            ps.setObject(i++, value);
                        }
                    }
                }
            }, (rs, n) -> rs.getLong(1)));
        }
        if (ids.size() != leads.size()) {
            throw new IllegalStateException(ids.size() + " ids for " + leads.size() + " leads");
        }
        return ids;
    }

    /** A history entry to write with {@link #eventsAll}. */
    public record NewEvent(long leadId, String kind, @Nullable String before, @Nullable String after,
            @Nullable String detail, Instant at, String actor) {
    }

    /** History entries with multi-row inserts: one statement per few hundred. */
    public void eventsAll(List<NewEvent> events) {
        MultiRowInsert.insertAll(jdbc.getJdbcTemplate(), "lead_event (lead_id, kind, before_value, after_value,"
                + " detail, occurred_at, actor)", "", 7, events, e -> new @Nullable Object[] {e.leadId(), e.kind(),
                    e.before(), e.after(), e.detail(), UtcDateTime.of(e.at()), e.actor()});
    }

    public Optional<Lead> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM admission_lead WHERE id = :id", Map.of("id", id),
                (rs, n) -> lead(rs)).stream().findFirst();
    }

    /** The lead of an intake request already taken, by the client's request id. */
    public Optional<Long> byRequest(String requestId) {
        return jdbc.queryForList("SELECT id FROM admission_lead WHERE request_id = :r", Map.of("r", requestId),
                Long.class).stream().findFirst();
    }

    /**
     * The newest lead, not merged away, of this campus and child (without case) with this phone or e-mail, entered
     * since {@code since}: an index look-up by each contact.
     */
    public Optional<Long> recentSame(long campusId, String childName, @Nullable String phone, @Nullable String email,
            Instant since) {
        if (phone == null && email == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                SELECT id FROM admission_lead
                WHERE (phone = :phone OR email = :email) AND campus_id = :campus AND created_at >= :since
                  AND LOWER(child_name) = LOWER(:child) AND merged_into_id IS NULL
                ORDER BY id DESC LIMIT 1""", new MapSqlParameterSource("phone", phone).addValue("email", email)
                .addValue("campus", campusId).addValue("since", UtcDateTime.of(since)).addValue("child", childName),
                Long.class).stream().findFirst();
    }

    /** A lead that shares a contact with one entered: who, and which contact. */
    public record ContactHit(long id, String childName, @Nullable String guardianName, boolean byPhone,
            String value) {
    }

    /** Open or enrolled leads (not merged away) with one of these phones or e-mails: two index look-ups. */
    public List<ContactHit> withContacts(Collection<String> phones, Collection<String> emails) {
        List<ContactHit> hits = new ArrayList<>();
        if (!phones.isEmpty()) {
            jdbc.query("SELECT id, child_name, guardian_name, phone FROM admission_lead WHERE phone IN (:p)"
                    + " AND merged_into_id IS NULL ORDER BY id", Map.of("p", phones), rs -> {
                        hits.add(new ContactHit(rs.getLong(1), rs.getString(2), rs.getString(3), true,
                                rs.getString(4)));
                    });
        }
        if (!emails.isEmpty()) {
            jdbc.query("SELECT id, child_name, guardian_name, email FROM admission_lead WHERE email IN (:e)"
                    + " AND merged_into_id IS NULL ORDER BY id", Map.of("e", emails), rs -> {
                        hits.add(new ContactHit(rs.getLong(1), rs.getString(2), rs.getString(3), false,
                                rs.getString(4)));
                    });
        }
        return hits;
    }

    /** Sets the stage (and lost reason), guarded by the version; false when the lead changed meanwhile. */
    public boolean setStage(long id, long version, LeadStage stage, @Nullable Long lostReasonId, Instant now,
            String user) {
        return jdbc.update("""
                UPDATE admission_lead SET stage = :stage, lost_reason_id = :reason,
                    first_contact_at = CASE WHEN first_contact_at IS NULL AND :stage <> 'NEW' AND :stage <> 'LOST'
                        THEN :now ELSE first_contact_at END,
                    version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version""", new MapSqlParameterSource("id", id)
                .addValue("version", version).addValue("stage", stage.name()).addValue("reason", lostReasonId)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user)) == 1;
    }

    public boolean setOwner(long id, long version, @Nullable Long ownerId, Instant now, String user) {
        return jdbc.update("""
                UPDATE admission_lead SET owner_id = :owner, version = version + 1, updated_at = :now,
                    updated_by = :user, quiet_since = CASE WHEN :owner IS NULL THEN NULL ELSE :now END,
                    return_warned_at = NULL
                WHERE id = :id AND version = :version""", new MapSqlParameterSource("id", id)
                .addValue("version", version).addValue("owner", ownerId).addValue("now", UtcDateTime.of(now))
                .addValue("user", user)) == 1;
    }

    /** Sets the next action (or clears it), and the first contact when this is one. */
    public boolean setNextAction(long id, long version, @Nullable NextAction action, @Nullable LocalDate on,
            boolean contact, Instant now, String user) {
        return jdbc.update("""
                UPDATE admission_lead SET next_action = :action, next_action_on = :on,
                    first_contact_at = CASE WHEN first_contact_at IS NULL AND :contact THEN :now
                        ELSE first_contact_at END,
                    quiet_since = CASE WHEN owner_id IS NULL THEN NULL ELSE :now END, return_warned_at = NULL,
                    version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version""", new MapSqlParameterSource("id", id)
                .addValue("version", version).addValue("action", action == null ? null : action.name())
                .addValue("on", on).addValue("contact", contact).addValue("now", UtcDateTime.of(now))
                .addValue("user", user)) == 1;
    }

    public void event(long leadId, String kind, @Nullable String before, @Nullable String after,
            @Nullable String detail, Instant at, String actor) {
        jdbc.update("""
                INSERT INTO lead_event (lead_id, kind, before_value, after_value, detail, occurred_at, actor)
                VALUES (:lead, :kind, :before, :after, :detail, :at, :actor)""",
                new MapSqlParameterSource("lead", leadId).addValue("kind", kind).addValue("before", before)
                .addValue("after", after).addValue("detail", detail).addValue("at", UtcDateTime.of(at))
                .addValue("actor", actor));
    }

    /** The lead's history and that of the leads merged into it, newest first. */
    public List<LeadEvent> events(long leadId) {
        return jdbc.query("""
                SELECT id, kind, before_value, after_value, detail, occurred_at, actor, lead_id FROM lead_event
                WHERE lead_id = :lead OR lead_id IN (SELECT id FROM admission_lead WHERE merged_into_id = :lead)
                ORDER BY occurred_at DESC, id DESC""", Map.of("lead", leadId), (rs, n) -> new LeadEvent(
                rs.getLong("id"), rs.getString("kind"), rs.getString("before_value"), rs.getString("after_value"),
                rs.getString("detail"), Objects.requireNonNull(UtcDateTime.read(rs, "occurred_at")),
                rs.getString("actor"), rs.getLong("lead_id")));
    }

    /** The leads merged into this one (not undone), oldest first. */
    public List<Lead> mergedInto(long survivorId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM admission_lead WHERE merged_into_id = :id ORDER BY id",
                Map.of("id", survivorId), (rs, n) -> lead(rs));
    }

    /** The fields a merge may fill on the survivor when it lacks them, by column. */
    public static final List<String> FILLABLE = List.of("guardian_name", "phone", "email", "course_id",
            "preferred_times", "message", "campaign_id", "referring_family_id", "family_id", "owner_id",
            "language");

    /**
     * Merges {@code merged} into {@code survivor}: fills the survivor's empty fillable fields (and its next action
     * when it has none) from the merged lead, marks the merged lead, and records the merge with what it filled.
     * False when either changed meanwhile.
     */
    public boolean merge(Lead survivor, Lead merged, List<String> filled, boolean takeNextAction, Instant now,
            String user) {
        var params = new MapSqlParameterSource("survivor", survivor.id()).addValue("merged", merged.id())
                .addValue("sv", survivor.version()).addValue("mv", merged.version())
                .addValue("now", UtcDateTime.of(now)).addValue("user", user);
        StringBuilder set = new StringBuilder();
        for (String column : filled) {
            set.append("s.").append(column).append(" = m.").append(column).append(", ");
        }
        if (takeNextAction) {
            set.append("s.next_action = m.next_action, s.next_action_on = m.next_action_on, ");
        }
        if (jdbc.update("UPDATE admission_lead s JOIN admission_lead m ON m.id = :merged SET " + set
                + "s.quiet_since = COALESCE(s.quiet_since, CASE WHEN s.owner_id IS NOT NULL OR m.owner_id IS NOT NULL"
                + " THEN :now END), s.version = s.version + 1, s.updated_at = :now, s.updated_by = :user"
                + " WHERE s.id = :survivor AND s.version = :sv AND s.merged_into_id IS NULL", params) != 1
                || jdbc.update("""
                        UPDATE admission_lead SET merged_into_id = :survivor, version = version + 1,
                            updated_at = :now, updated_by = :user
                        WHERE id = :merged AND version = :mv AND merged_into_id IS NULL""", params) != 1) {
            return false;
        }
        List<String> recorded = new ArrayList<>(filled);
        if (takeNextAction) {
            recorded.add("next_action");
        }
        jdbc.update("""
                INSERT INTO lead_merge (survivor_id, merged_id, filled, merged_at, merged_by)
                VALUES (:survivor, :merged, :filled, :now, :user)""",
                params.addValue("filled", recorded.isEmpty() ? null : String.join(",", recorded)));
        return true;
    }

    /** The merge that put this lead into another, not undone: its id and what it filled. */
    public record Merge(long id, long survivorId, long mergedId, List<String> filled) {
    }

    public Optional<Merge> mergeOf(long mergedId) {
        return jdbc.query("""
                SELECT id, survivor_id, merged_id, filled FROM lead_merge
                WHERE merged_id = :id AND undone_at IS NULL ORDER BY id DESC LIMIT 1""", Map.of("id", mergedId),
                (rs, n) -> new Merge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4) == null
                        ? List.of() : List.of(rs.getString(4).split(",")))).stream().findFirst();
    }

    /**
     * Undoes a merge: the merged lead stands on its own again, and each field the merge filled on the survivor is
     * emptied again if it still holds what the merge put there (a later edit stays).
     */
    public void unmerge(Merge merge, Instant now, String user) {
        var params = new MapSqlParameterSource("survivor", merge.survivorId()).addValue("merged", merge.mergedId())
                .addValue("now", UtcDateTime.of(now)).addValue("user", user).addValue("id", merge.id());
        for (String column : merge.filled()) {
            if (column.equals("next_action")) {
                jdbc.update("""
                        UPDATE admission_lead s JOIN admission_lead m ON m.id = :merged
                        SET s.next_action = NULL, s.next_action_on = NULL
                        WHERE s.id = :survivor AND s.next_action <=> m.next_action
                          AND s.next_action_on <=> m.next_action_on""", params);
            } else if (FILLABLE.contains(column)) {
                jdbc.update("UPDATE admission_lead s JOIN admission_lead m ON m.id = :merged SET s." + column
                        + " = NULL WHERE s.id = :survivor AND s." + column + " <=> m." + column, params);
            }
        }
        jdbc.update("""
                UPDATE admission_lead SET version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :survivor""", params);
        jdbc.update("""
                UPDATE admission_lead SET merged_into_id = NULL, version = version + 1, updated_at = :now,
                    updated_by = :user
                WHERE id = :merged""", params);
        jdbc.update("UPDATE lead_merge SET undone_at = :now, undone_by = :user WHERE id = :id", params);
    }

    public boolean setFamily(long id, long version, @Nullable Long familyId, Instant now, String user) {
        return jdbc.update("""
                UPDATE admission_lead SET family_id = :family, version = version + 1, updated_at = :now,
                    updated_by = :user
                WHERE id = :id AND version = :version""", new MapSqlParameterSource("id", id)
                .addValue("version", version).addValue("family", familyId).addValue("now", UtcDateTime.of(now))
                .addValue("user", user)) == 1;
    }

    public long followUp(long leadId, FollowUpKind kind, String outcome, Instant at, @Nullable NextAction next,
            @Nullable LocalDate nextOn, @Nullable Long byUserId, String user) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO lead_follow_up (lead_id, kind, outcome, happened_at, next_action, next_action_on,
                    by_user_id, created_at, created_by)
                VALUES (:lead, :kind, :outcome, :at, :next, :nextOn, :by, :at, :user)""",
                new MapSqlParameterSource("lead", leadId).addValue("kind", kind.name()).addValue("outcome", outcome)
                        .addValue("at", UtcDateTime.of(at)).addValue("next", next == null ? null : next.name())
                        .addValue("nextOn", nextOn).addValue("by", byUserId).addValue("user", user),
                keys, new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    public List<FollowUp> followUps(long leadId) {
        return jdbc.query("""
                SELECT id, lead_id, kind, outcome, happened_at, next_action, next_action_on, created_by
                FROM lead_follow_up
                WHERE lead_id = :lead OR lead_id IN (SELECT id FROM admission_lead WHERE merged_into_id = :lead)
                ORDER BY happened_at DESC, id DESC""",
                Map.of("lead", leadId), (rs, n) -> new FollowUp(rs.getLong("id"), rs.getLong("lead_id"),
                        FollowUpKind.valueOf(rs.getString("kind")), rs.getString("outcome"),
                        Objects.requireNonNull(UtcDateTime.read(rs, "happened_at")),
                        rs.getString("next_action") == null ? null : NextAction.valueOf(rs.getString("next_action")),
                        rs.getObject("next_action_on", LocalDate.class), rs.getString("created_by")));
    }

    /** The active list entries (sources, lost reasons): id to message key or name. */
    public Map<Long, Entry> entries(String table) {
        Map<Long, Entry> entries = new LinkedHashMap<>();
        jdbc.query("SELECT id, label_key, name, active FROM " + table + " ORDER BY sort_order, id", Map.of(), rs -> {
            entries.put(rs.getLong(1), new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        });
        return entries;
    }

    /** An entry of an editable list: a built-in's message key, or a school's own name. */
    public record Entry(long id, @Nullable String labelKey, @Nullable String name, boolean active) {
    }

    /** The figures of {@link LeadWork} in one statement over the open leads matching {@code campuses}. */
    public LeadWork work(String campuses, MapSqlParameterSource params) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(owner_id = :me AND next_action_on = :today), 0),
                       COALESCE(SUM(owner_id = :me AND next_action_on < :today), 0),
                       COALESCE(SUM(owner_id = :me AND next_action_on IS NULL), 0),
                       COALESCE(SUM(owner_id IS NULL AND stage = 'NEW'), 0)
                FROM admission_lead
                WHERE merged_into_id IS NULL AND stage NOT IN ('ENROLLED', 'LOST')""" + campuses, params,
                (rs, n) -> new LeadWork(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /**
     * A page of leads as the list shows them, in {@code orderBy} (columns the service chose from its whitelist), one
     * more than asked for to tell whether more follow.
     */
    public List<Lead> page(String where, MapSqlParameterSource params, String orderBy, int offset, int limit) {
        params.addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM admission_lead WHERE " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset", params, (rs, n) -> lead(rs));
    }

    /** How many leads match, per stage: one grouped statement (stages without a lead are left out). */
    public Map<LeadStage, Long> stageCounts(String where, MapSqlParameterSource params) {
        Map<LeadStage, Long> counts = new java.util.EnumMap<>(LeadStage.class);
        jdbc.query("SELECT stage, COUNT(*) FROM admission_lead WHERE " + where + " GROUP BY stage", params, rs -> {
            counts.put(LeadStage.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    /** A lead as a board card shows it, with its source's label (read in the same statement). */
    public record CardRow(long id, long version, String childName, @Nullable String guardianName,
            @Nullable Long ownerId, long sourceId, @Nullable String sourceKey, @Nullable String sourceName,
            LeadStage stage, @Nullable NextAction nextAction, @Nullable LocalDate nextActionOn) {
    }

    /**
     * A page of cards of one stage: those without a next step first, then by the next action's date, then by id
     * (the order of the board index, so no sort). The source's label is a look-up by primary key per card of the
     * page, not a join, so that the leads' index drives the plan whatever the optimizer thinks of the small sources
     * table.
     */
    public List<CardRow> cards(String where, MapSqlParameterSource params, long offset, int limit) {
        params.addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("""
                SELECT id, version, child_name, guardian_name, owner_id, source_id,
                    (SELECT s.label_key FROM lead_source s WHERE s.id = source_id) AS source_key,
                    (SELECT s.name FROM lead_source s WHERE s.id = source_id) AS source_name,
                    stage, next_action, next_action_on
                FROM admission_lead
                WHERE""" + " " + where + " ORDER BY next_action_on, id LIMIT :limit OFFSET :offset", params,
                (rs, n) -> new CardRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        nullableLong(rs, "owner_id"), rs.getLong(6), rs.getString(7), rs.getString(8),
                        LeadStage.valueOf(rs.getString(9)), rs.getString(10) == null ? null
                                : NextAction.valueOf(rs.getString(10)), rs.getObject(11, LocalDate.class)));
    }

    /** These leads, locked until the transaction ends (a bulk action's): one statement; unknown ids left out. */
    public Map<Long, Lead> lockAll(Collection<Long> ids) {
        Map<Long, Lead> leads = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM admission_lead WHERE id IN (:ids) ORDER BY id FOR UPDATE",
                Map.of("ids", ids), rs -> {
                    var lead = lead(rs);
                    leads.put(lead.id(), lead);
                });
        return leads;
    }

    /** Sets the owner of locked leads (id to version) in one batch. */
    public void setOwners(Map<Long, Long> versions, @Nullable Long ownerId, Instant now, String user) {
        jdbc.batchUpdate("""
                UPDATE admission_lead SET owner_id = :owner, version = version + 1, updated_at = :now,
                    updated_by = :user, quiet_since = CASE WHEN :owner IS NULL THEN NULL ELSE :now END,
                    return_warned_at = NULL
                WHERE id = :id AND version = :version""", versions.entrySet().stream()
                .map(e -> new MapSqlParameterSource("id", e.getKey()).addValue("version", e.getValue())
                        .addValue("owner", ownerId, java.sql.Types.BIGINT).addValue("now", UtcDateTime.of(now))
                        .addValue("user", user))
                .toArray(MapSqlParameterSource[]::new));
    }

    /** Closes locked leads (id to version) as lost with the reason, in one batch. */
    public void setLost(Map<Long, Long> versions, long lostReasonId, Instant now, String user) {
        jdbc.batchUpdate("""
                UPDATE admission_lead SET stage = 'LOST', lost_reason_id = :reason, version = version + 1,
                    updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version""", versions.entrySet().stream()
                .map(e -> new MapSqlParameterSource("id", e.getKey()).addValue("version", e.getValue())
                        .addValue("reason", lostReasonId).addValue("now", UtcDateTime.of(now))
                        .addValue("user", user))
                .toArray(MapSqlParameterSource[]::new));
    }

    private static Lead lead(ResultSet rs) throws SQLException {
        return new Lead(rs.getLong("id"), rs.getLong("campus_id"), rs.getString("child_name"),
                rs.getString("guardian_name"), rs.getString("phone"), rs.getString("email"), nullableLong(rs,
                        "course_id"), rs.getString("preferred_times"), rs.getString("message"),
                rs.getLong("source_id"), nullableLong(rs, "campaign_id"), nullableLong(rs, "referring_family_id"),
                nullableLong(rs, "family_id"), LeadStage.valueOf(rs.getString("stage")),
                nullableLong(rs, "lost_reason_id"), nullableLong(rs, "owner_id"),
                rs.getString("next_action") == null ? null : NextAction.valueOf(rs.getString("next_action")),
                rs.getObject("next_action_on", LocalDate.class), rs.getString("consent_text"),
                UtcDateTime.read(rs, "consent_at"), nullableLong(rs, "merged_into_id"), rs.getLong("version"),
                Objects.requireNonNull(UtcDateTime.read(rs, "created_at")), rs.getString("created_by"),
                Objects.requireNonNull(UtcDateTime.read(rs, "updated_at")), rs.getString("updated_by"),
                UtcDateTime.read(rs, "first_contact_at"), LeadChannel.valueOf(rs.getString("channel")),
                rs.getString("language"), UtcDateTime.read(rs, "quiet_since"), nullableLong(rs, "student_id"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
