package io.campuscrm.students;

import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Everything to create a student in one step: either into an existing family ({@code familyId}), or with a new
 * family and its guardians. Guardians given with an existing family are added to it.
 *
 * @param createAnyway the user saw the possible duplicates and chose to create the student all the same
 */
public record NewStudent(
        @NotNull @Valid StudentDraft student,
        @Nullable Long familyId,
        @Nullable @Valid FamilyDraft newFamily,
        List<@Valid GuardianDraft> guardians,
        boolean createAnyway) {

    public NewStudent {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
    }

    /** A student with a new family of these guardians. */
    public static NewStudent withNewFamily(StudentDraft student, GuardianDraft... guardians) {
        return new NewStudent(student, null, FamilyDraft.unnamed(), List.of(guardians), false);
    }

    /** A student joining an existing family, e.g. a sibling. */
    public static NewStudent inFamily(StudentDraft student, long familyId) {
        return new NewStudent(student, familyId, null, List.of(), false);
    }

    public NewStudent anyway() {
        return new NewStudent(student, familyId, newFamily, guardians, true);
    }

    /** The same student, into that family instead, without new guardians (the family has its own). */
    public NewStudent linkedTo(long existingFamilyId) {
        return new NewStudent(student, existingFamilyId, null, List.of(), createAnyway);
    }
}
