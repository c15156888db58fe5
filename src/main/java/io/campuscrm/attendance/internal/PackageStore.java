package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.attendance.PackageDraft;
import io.campuscrm.attendance.PackageEntry;
import io.campuscrm.attendance.PackageSource;
import io.campuscrm.attendance.PackageUnit;

/** Lesson packages and their events, with plain JDBC. */
@Component
public class PackageStore {

    private final NamedParameterJdbcTemplate jdbc;

    PackageStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A package as stored; {@code forfeited} is the value its expiry took. */
    public record PackageRow(long id, long studentId, long courseId, @Nullable Long campusId, PackageUnit unit,
            BigDecimal quantity, BigDecimal consumed, BigDecimal purchaseValue, BigDecimal forfeited,
            LocalDate startsOn, LocalDate expiresOn, PackageSource source, @Nullable String sourceRef, String status,
            @Nullable LocalDate frozenFrom, @Nullable LocalDate frozenUntil, @Nullable String note, long version,
            @Nullable String updatedBy, Instant updatedAt) {
    }

    private static final String SELECT = """
            SELECT p.*, COALESCE((SELECT SUM(l.value) FROM lesson_consumption l
                                  WHERE l.package_id = p.id AND l.kind = 'EXPIRED'), 0) AS forfeited
            FROM lesson_package p""";

    public Optional<PackageRow> find(long id) {
        return jdbc.query(SELECT + " WHERE p.id = :id", Map.of("id", id), (rs, n) -> row(rs)).stream().findFirst();
    }

    public Optional<PackageRow> findSold(String sourceRef) {
        return jdbc.query(SELECT + " WHERE p.source = 'SOLD' AND p.source_ref = :ref", Map.of("ref", sourceRef),
                (rs, n) -> row(rs)).stream().findFirst();
    }

    /** A student's packages, the newest first. */
    public List<PackageRow> ofStudent(long studentId) {
        return jdbc.query(SELECT + " WHERE p.student_id = :id ORDER BY p.expires_on DESC, p.id DESC",
                Map.of("id", studentId), (rs, n) -> row(rs));
    }

    public long insert(PackageDraft d, PackageSource source, @Nullable Long campusId, Instant now, String user) {
        var params = new MapSqlParameterSource("student", d.studentId()).addValue("course", d.courseId())
                .addValue("campus", campusId, Types.BIGINT).addValue("unit", d.unit().name())
                .addValue("quantity", d.quantity()).addValue("value", d.purchaseValue())
                .addValue("starts", d.startsOn()).addValue("expires", d.expiresOn()).addValue("source", source.name())
                .addValue("ref", d.sourceRef(), Types.VARCHAR).addValue("note", d.note(), Types.VARCHAR)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user);
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO lesson_package (student_id, course_id, campus_id, unit, quantity, purchase_value, starts_on,
                    expires_on, source, source_ref, status, consumed, note, version, created_at, created_by,
                    updated_at, updated_by)
                VALUES (:student, :course, :campus, :unit, :quantity, :value, :starts, :expires, :source, :ref,
                    'ACTIVE', 0, :note, 0, :now, :user, :now, :user)""", params, keys, new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Changes a package's dates under its version; false when someone changed it first. */
    public boolean reschedule(long id, long version, LocalDate expiresOn, @Nullable LocalDate frozenFrom,
            @Nullable LocalDate frozenUntil, Instant now, String user) {
        var params = new MapSqlParameterSource("id", id).addValue("version", version).addValue("expires", expiresOn)
                .addValue("from", frozenFrom, Types.DATE).addValue("until", frozenUntil, Types.DATE)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user);
        return jdbc.update("""
                UPDATE lesson_package
                SET expiry_warned = CASE WHEN expires_on = :expires THEN expiry_warned ELSE FALSE END,
                    expires_on = :expires, frozen_from = :from, frozen_until = :until,
                    status = CASE WHEN status = 'EXPIRED' AND consumed >= quantity THEN status ELSE 'ACTIVE' END,
                    version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version""", params) == 1;
    }

    public void event(long packageId, String kind, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable String note, Instant now, String user) {
        jdbc.update("""
                INSERT INTO lesson_package_event (package_id, kind, from_date, to_date, note, occurred_at, actor)
                VALUES (:id, :kind, :from, :to, :note, :now, :user)""",
                new MapSqlParameterSource("id", packageId).addValue("kind", kind).addValue("from", from, Types.DATE)
                        .addValue("to", to, Types.DATE).addValue("note", note, Types.VARCHAR)
                        .addValue("now", UtcDateTime.of(now)).addValue("user", user));
    }

    /** A package's history: its ledger rows and events, newest first. */
    public List<PackageEntry> history(long packageId) {
        List<PackageEntry> entries = new ArrayList<>(jdbc.query("""
                SELECT kind, quantity, value, session_date, occurred_at, actor FROM lesson_consumption
                WHERE package_id = :id""", Map.of("id", packageId), (rs, n) -> new PackageEntry(
                Objects.requireNonNull(UtcDateTime.read(rs, "occurred_at")), rs.getString("kind").toLowerCase(),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("value"), rs.getObject("session_date",
                        LocalDate.class), null, null, null, rs.getString("actor"))));
        entries.addAll(jdbc.query("""
                SELECT kind, from_date, to_date, note, occurred_at, actor FROM lesson_package_event
                WHERE package_id = :id""", Map.of("id", packageId), (rs, n) -> new PackageEntry(
                Objects.requireNonNull(UtcDateTime.read(rs, "occurred_at")), rs.getString("kind").toLowerCase(), null, null,
                null, rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                rs.getString("note"), rs.getString("actor"))));
        entries.sort(Comparator.comparing(PackageEntry::occurredAt).reversed());
        return entries;
    }

    /** Packages with something left that expire from {@code from} to {@code to} and were not yet warned about. */
    public List<PackageRow> expiringUnwarned(LocalDate from, LocalDate to, int limit) {
        return jdbc.query(SELECT + " WHERE p.status = 'ACTIVE' AND p.expires_on BETWEEN :from AND :to"
                + " AND p.consumed < p.quantity AND p.expiry_warned = FALSE ORDER BY p.expires_on, p.id LIMIT :limit",
                new MapSqlParameterSource("from", from).addValue("to", to).addValue("limit", limit),
                (rs, n) -> row(rs));
    }

    public void markWarned(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE lesson_package SET expiry_warned = TRUE WHERE id IN (:ids)", Map.of("ids", ids));
        }
    }

    static PackageRow row(ResultSet rs) throws SQLException {
        long campus = rs.getLong("campus_id");
        Long campusId = rs.wasNull() ? null : campus;
        return new PackageRow(rs.getLong("id"), rs.getLong("student_id"), rs.getLong("course_id"), campusId,
                PackageUnit.valueOf(rs.getString("unit")), rs.getBigDecimal("quantity"), rs.getBigDecimal("consumed"),
                rs.getBigDecimal("purchase_value"), rs.getBigDecimal("forfeited"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                PackageSource.valueOf(rs.getString("source")), rs.getString("source_ref"), rs.getString("status"),
                rs.getObject("frozen_from", LocalDate.class), rs.getObject("frozen_until", LocalDate.class),
                rs.getString("note"), rs.getLong("version"), rs.getString("updated_by"),
                Objects.requireNonNull(UtcDateTime.read(rs, "updated_at")));
    }
}
