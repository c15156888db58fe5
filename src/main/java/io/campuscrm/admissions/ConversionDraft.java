package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.students.GuardianRelationship;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What converting a lead makes: the student (their name as the school writes it, the lead's child by default), the
 * family they join (one the school knows, {@code familyId}; else a new one with the lead's guardian as
 * {@code relationship}), and either a class to enroll them in from {@code enrollOn} (on its waiting list when it is
 * full) or the lesson package chosen, for the finance office to sell — or neither.
 *
 * @param createAnyway the user saw the students and guardians the school knows that look like this one and chose to
 *                     convert all the same
 */
public record ConversionDraft(
        @NotBlank @Size(max = 200) String fullName,
        @Nullable @Size(max = 100) String chineseName,
        @Nullable @PastOrPresent LocalDate birthDate,
        @Nullable @Size(max = 200) String school,
        @Nullable @Size(max = 40) String grade,
        @Nullable Long familyId,
        @NotNull GuardianRelationship relationship,
        @Nullable Long classId,
        @Nullable LocalDate enrollOn,
        @Nullable Long packageCourseId,
        @Nullable PackageUnit packageUnit,
        @Nullable @DecimalMin("0.5") @DecimalMax("9999") BigDecimal packageQuantity,
        boolean createAnyway) {

    /** The lead's child as named, in a new family with the guardian as their mother, enrolled in the class. */
    public static ConversionDraft enrolling(String fullName, @Nullable Long familyId, long classId,
            LocalDate enrollOn) {
        return new ConversionDraft(fullName, null, null, null, null, familyId, GuardianRelationship.MOTHER, classId,
                enrollOn, null, null, null, false);
    }

    public ConversionDraft anyway() {
        return new ConversionDraft(fullName, chineseName, birthDate, school, grade, familyId, relationship, classId,
                enrollOn, packageCourseId, packageUnit, packageQuantity, true);
    }
}
