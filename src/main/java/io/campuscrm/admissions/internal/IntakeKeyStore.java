package io.campuscrm.admissions.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.IntakeKey;
import io.campuscrm.admissions.IntakeKeyDraft;
import io.campuscrm.shared.database.UtcDateTime;

/** Intake keys, by their SHA-256: a key is long and random, so a fast hash is enough to keep it from being read. */
@Component
public class IntakeKeyStore {

    private static final String COLUMNS = """
            id, name, key_prefix, source_id, campus_id, campaign_id, per_minute, created_at, created_by, revoked_at,
            revoked_by, last_used_at, version""";

    private final NamedParameterJdbcTemplate jdbc;

    IntakeKeyStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public long insert(IntakeKeyDraft draft, String secret, String prefix, Instant now, String user) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO lead_intake_key (name, key_prefix, key_hash, source_id, campus_id, campaign_id,
                    per_minute, created_at, created_by)
                VALUES (:name, :prefix, :hash, :source, :campus, :campaign, :perMinute, :now, :user)""",
                new MapSqlParameterSource("name", draft.name().strip()).addValue("prefix", prefix)
                        .addValue("hash", hash(secret)).addValue("source", draft.sourceId())
                        .addValue("campus", draft.campusId()).addValue("campaign", draft.campaignId())
                        .addValue("perMinute", draft.perMinute()).addValue("now", UtcDateTime.of(now))
                        .addValue("user", user), keys, new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    public boolean nameTaken(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM lead_intake_key WHERE name = :name", Map.of("name", name.strip()),
                Boolean.class));
    }

    public boolean hashTaken(String secret) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM lead_intake_key WHERE key_hash = :hash", Map.of("hash", hash(secret)),
                Boolean.class));
    }

    public boolean campaignExists(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM lead_campaign WHERE id = :id",
                Map.of("id", id), Boolean.class));
    }

    public Optional<IntakeKey> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_intake_key WHERE id = :id", Map.of("id", id),
                (rs, n) -> key(rs)).stream().findFirst();
    }

    /** The key with this secret, revoked or not: one look-up by the unique hash. */
    public Optional<IntakeKey> bySecret(String secret) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_intake_key WHERE key_hash = :hash",
                Map.of("hash", hash(secret)), (rs, n) -> key(rs)).stream().findFirst();
    }

    /** Every key, the live ones first, newest first: a school has a handful. */
    public List<IntakeKey> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_intake_key ORDER BY revoked_at IS NOT NULL, id DESC",
                (rs, n) -> key(rs));
    }

    public boolean revoke(long id, long version, Instant now, String user) {
        return jdbc.update("""
                UPDATE lead_intake_key SET revoked_at = :now, revoked_by = :user, version = version + 1
                WHERE id = :id AND version = :version AND revoked_at IS NULL""",
                new MapSqlParameterSource("id", id).addValue("version", version).addValue("now", UtcDateTime.of(now))
                        .addValue("user", user)) == 1;
    }

    /** Notes when the key was last used; at most once a minute per key, so a busy caller does not write per call. */
    public void used(long id, Instant now) {
        jdbc.update("""
                UPDATE lead_intake_key SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :minuteAgo)""",
                new MapSqlParameterSource("id", id).addValue("now", UtcDateTime.of(now))
                        .addValue("minuteAgo", UtcDateTime.of(now.minusSeconds(60))));
    }

    private static IntakeKey key(ResultSet rs) throws SQLException {
        return new IntakeKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                rs.getLong("source_id"), nullableLong(rs, "campus_id"), nullableLong(rs, "campaign_id"),
                rs.getInt("per_minute"), Objects.requireNonNull(UtcDateTime.read(rs, "created_at")),
                rs.getString("created_by"), UtcDateTime.read(rs, "revoked_at"), rs.getString("revoked_by"),
                UtcDateTime.read(rs, "last_used_at"), rs.getLong("version"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
