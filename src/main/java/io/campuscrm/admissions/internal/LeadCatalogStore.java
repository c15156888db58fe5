package io.campuscrm.admissions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.CampaignDraft;
import io.campuscrm.admissions.LeadCampaign;
import io.campuscrm.admissions.LeadList;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.shared.database.UtcDateTime;

/** The editable lists (sources, lost reasons) and the campaigns, with plain JDBC; every change guarded by a version. */
@Component
public class LeadCatalogStore {

    private static final String CAMPAIGN_COLUMNS = """
            id, name, source_id, starts_on, ends_on, cost, version, created_at, created_by, updated_at, updated_by""";

    private final NamedParameterJdbcTemplate jdbc;

    LeadCatalogStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String table(LeadList list) {
        return switch (list) {
            case SOURCES -> "lead_source";
            case LOST_REASONS -> "lead_lost_reason";
        };
    }

    /** The whole list, active and not, in its order: a short list (a dozen entries), read at once. */
    public List<LeadListEntry> entries(LeadList list) {
        return jdbc.query("SELECT id, label_key, name, active, sort_order, version FROM " + table(list)
                + " ORDER BY sort_order, id", Map.of(), (rs, n) -> new LeadListEntry(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), rs.getInt(5), rs.getLong(6)));
    }

    public Optional<LeadListEntry> entry(LeadList list, long id) {
        return jdbc.query("SELECT id, label_key, name, active, sort_order, version FROM " + table(list)
                + " WHERE id = :id", Map.of("id", id), (rs, n) -> new LeadListEntry(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), rs.getInt(5), rs.getLong(6))).stream().findFirst();
    }

    /** Whether another entry of the list has this name, whatever its case. */
    public boolean nameTaken(LeadList list, String name, long exceptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table(list)
                + " WHERE LOWER(name) = LOWER(:name) AND id <> :id)", new MapSqlParameterSource("name", name)
                .addValue("id", exceptId), Boolean.class));
    }

    /** Adds a school's own entry at the end of the list. */
    public long add(LeadList list, String name, Instant now, String user) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO " + table(list) + " (name, active, sort_order, version, updated_at, updated_by)"
                + " SELECT :name, TRUE, COALESCE(MAX(sort_order), 0) + 10, 0, :now, :user FROM " + table(list),
                new MapSqlParameterSource("name", name).addValue("now", UtcDateTime.of(now)).addValue("user", user),
                keys, new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    public boolean rename(LeadList list, long id, long version, String name, Instant now, String user) {
        return jdbc.update("UPDATE " + table(list) + " SET name = :name, version = version + 1, updated_at = :now,"
                + " updated_by = :user WHERE id = :id AND version = :version", changed(id, version, now, user)
                .addValue("name", name)) == 1;
    }

    public boolean setActive(LeadList list, long id, long version, boolean active, Instant now, String user) {
        return jdbc.update("UPDATE " + table(list) + " SET active = :active, version = version + 1,"
                + " updated_at = :now, updated_by = :user WHERE id = :id AND version = :version",
                changed(id, version, now, user).addValue("active", active)) == 1;
    }

    /**
     * Puts an entry at a position of the list: the moved entry is guarded by its version, and it and the entry it
     * changes places with get new versions; the others only get numbers 10, 20, 30… in their unchanged order.
     *
     * @param order the list's ids in their new order
     */
    public boolean reorder(LeadList list, List<Long> order, long movedId, long version, long swappedId, Instant now,
            String user) {
        if (jdbc.update("UPDATE " + table(list) + " SET version = version + 1, updated_at = :now, updated_by = :user"
                + " WHERE id = :id AND version = :version", changed(movedId, version, now, user)) != 1) {
            return false;
        }
        jdbc.update("UPDATE " + table(list) + " SET version = version + 1, updated_at = :now, updated_by = :user"
                + " WHERE id = :id", changed(swappedId, 0, now, user));
        var batch = new MapSqlParameterSource[order.size()];
        for (int i = 0; i < order.size(); i++) {
            batch[i] = new MapSqlParameterSource("id", order.get(i)).addValue("order", (i + 1) * 10);
        }
        jdbc.batchUpdate("UPDATE " + table(list) + " SET sort_order = :order WHERE id = :id AND sort_order <> :order",
                batch);
        return true;
    }

    /** Who changed the entry last and when, for a stale edit's message. */
    public Changed lastChange(LeadList list, long id) {
        return jdbc.query("SELECT updated_by, updated_at FROM " + table(list) + " WHERE id = :id", Map.of("id", id),
                (rs, n) -> changed(rs)).stream().findFirst().orElse(new Changed("", Instant.EPOCH));
    }

    /** Who changed a record last and when. */
    public record Changed(String by, Instant at) {
    }

    /** A page of campaigns, the latest to start first. */
    public List<LeadCampaign> campaigns(int offset, int limit) {
        return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM lead_campaign ORDER BY starts_on DESC, id DESC"
                + " LIMIT :limit OFFSET :offset", Map.of("limit", limit, "offset", offset), (rs, n) -> campaign(rs));
    }

    /** The campaigns running on a day (of a source, when given), by name; at most {@code limit}. */
    public List<LeadCampaign> running(LocalDate on, @Nullable Long sourceId, int limit) {
        var params = new MapSqlParameterSource("on", on).addValue("limit", limit);
        String source = "";
        if (sourceId != null) {
            source = " AND source_id = :source";
            params.addValue("source", sourceId);
        }
        return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM lead_campaign WHERE ends_on >= :on AND starts_on <= :on"
                + source + " ORDER BY name, id LIMIT :limit", params, (rs, n) -> campaign(rs));
    }

    public List<LeadCampaign> campaigns(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM lead_campaign WHERE id IN (:ids)", Map.of("ids", ids),
                (rs, n) -> campaign(rs));
    }

    /** The campaigns with one of these names, whatever their case: one statement over a short table. */
    public List<LeadCampaign> campaignsByName(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM lead_campaign WHERE LOWER(name) IN (:names)",
                Map.of("names", names.stream().map(n -> n.strip().toLowerCase(java.util.Locale.ROOT)).toList()),
                (rs, n) -> campaign(rs));
    }

    public Optional<LeadCampaign> campaign(long id) {
        return campaigns(List.of(id)).stream().findFirst();
    }

    /** Whether another campaign has this name, whatever its case. */
    public boolean campaignNameTaken(String name, long exceptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM lead_campaign"
                + " WHERE LOWER(name) = LOWER(:name) AND id <> :id)", new MapSqlParameterSource("name", name)
                .addValue("id", exceptId), Boolean.class));
    }

    public long insertCampaign(CampaignDraft draft, Instant now, String user) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO lead_campaign (name, source_id, starts_on, ends_on, cost, version, created_at, created_by,
                    updated_at, updated_by)
                VALUES (:name, :source, :starts, :ends, :cost, 0, :now, :user, :now, :user)""",
                campaignParams(draft).addValue("now", UtcDateTime.of(now)).addValue("user", user), keys,
                new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    public boolean updateCampaign(long id, long version, CampaignDraft draft, Instant now, String user) {
        return jdbc.update("""
                UPDATE lead_campaign SET name = :name, source_id = :source, starts_on = :starts, ends_on = :ends,
                    cost = :cost, version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version""", campaignParams(draft).addValue("id", id)
                .addValue("version", version).addValue("now", UtcDateTime.of(now)).addValue("user", user)) == 1;
    }

    private static MapSqlParameterSource campaignParams(CampaignDraft draft) {
        return new MapSqlParameterSource("name", draft.name()).addValue("source", draft.sourceId())
                .addValue("starts", draft.startsOn()).addValue("ends", draft.endsOn()).addValue("cost", draft.cost());
    }

    private static MapSqlParameterSource changed(long id, long version, Instant now, String user) {
        return new MapSqlParameterSource("id", id).addValue("version", version).addValue("now", UtcDateTime.of(now))
                .addValue("user", user);
    }

    private static Changed changed(ResultSet rs) throws SQLException {
        Instant at = UtcDateTime.read(rs, "updated_at");
        return new Changed(Objects.requireNonNullElse(rs.getString("updated_by"), ""), at == null ? Instant.EPOCH : at);
    }

    private static LeadCampaign campaign(ResultSet rs) throws SQLException {
        return new LeadCampaign(rs.getLong("id"), rs.getString("name"), rs.getLong("source_id"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getBigDecimal("cost"), rs.getLong("version"),
                Objects.requireNonNull(UtcDateTime.read(rs, "created_at")), rs.getString("created_by"),
                UtcDateTime.read(rs, "updated_at"), rs.getString("updated_by"));
    }

    /** Who changed a campaign last and when, for a stale edit's message. */
    public Changed campaignChange(long id) {
        return jdbc.query("SELECT updated_by, updated_at FROM lead_campaign WHERE id = :id", Map.of("id", id),
                (rs, n) -> changed(rs)).stream().findFirst().orElse(new Changed("", Instant.EPOCH));
    }
}
