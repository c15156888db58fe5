package io.campuscrm.admissions.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.shared.database.UtcDateTime;

/** The SQL of converting a lead (decision 0079): the lead's row, locked and then marked, and the conversion's. */
@Component
public class ConversionStore {

    private final NamedParameterJdbcTemplate jdbc;

    ConversionStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the lead's row until the transaction ends: two conversions of one lead go one after the other. */
    public Optional<Long> lockVersion(long leadId) {
        return jdbc.query("SELECT version FROM admission_lead WHERE id = :id FOR UPDATE", Map.of("id", leadId),
                (rs, n) -> rs.getLong(1)).stream().findFirst();
    }

    /** Marks the lead as enrolled, the student it became; false when it changed since {@code version}. */
    public boolean markConverted(long leadId, long version, long studentId, long familyId, Instant now,
            String user) {
        return jdbc.update("""
                UPDATE admission_lead SET stage = 'ENROLLED', lost_reason_id = NULL, student_id = :student,
                    family_id = :family, converted_at = :now, next_action = NULL, next_action_on = NULL,
                    quiet_since = NULL, return_warned_at = NULL,
                    first_contact_at = COALESCE(first_contact_at, :now),
                    version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version AND merged_into_id IS NULL
                  AND stage NOT IN ('ENROLLED', 'LOST')""", new MapSqlParameterSource("id", leadId)
                .addValue("version", version).addValue("student", studentId).addValue("family", familyId)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user)) == 1;
    }

    /** A conversion to record. */
    public record NewConversion(long leadId, long campusId, long studentId, long familyId, boolean familyCreated,
            @Nullable Long classId, @Nullable Long enrollmentId, boolean waiting, @Nullable Long packageCourseId,
            @Nullable PackageUnit packageUnit, @Nullable BigDecimal packageQuantity, long sourceId,
            @Nullable Long campaignId, @Nullable Long ownerId) {
    }

    public void record(NewConversion c, Instant now, String user) {
        jdbc.update("""
                INSERT INTO lead_conversion (lead_id, campus_id, student_id, family_id, family_created, class_id,
                    enrollment_id, waiting, package_course_id, package_unit, package_quantity, source_id,
                    campaign_id, owner_id, converted_at, converted_by)
                VALUES (:lead, :campus, :student, :family, :created, :class, :enrollment, :waiting, :course, :unit,
                    :quantity, :source, :campaign, :owner, :now, :user)""",
                new MapSqlParameterSource("lead", c.leadId()).addValue("campus", c.campusId())
                        .addValue("student", c.studentId()).addValue("family", c.familyId())
                        .addValue("created", c.familyCreated()).addValue("class", c.classId())
                        .addValue("enrollment", c.enrollmentId()).addValue("waiting", c.waiting())
                        .addValue("course", c.packageCourseId())
                        .addValue("unit", c.packageUnit() == null ? null : c.packageUnit().name())
                        .addValue("quantity", c.packageQuantity()).addValue("source", c.sourceId())
                        .addValue("campaign", c.campaignId()).addValue("owner", c.ownerId())
                        .addValue("now", UtcDateTime.of(now)).addValue("user", user));
    }

    /** The lead a student was converted from, if any. */
    public Optional<Long> leadOf(long studentId) {
        return jdbc.query("SELECT id FROM admission_lead WHERE student_id = :s ORDER BY id LIMIT 1",
                Map.of("s", studentId), (rs, n) -> rs.getLong(1)).stream().findFirst();
    }
}
