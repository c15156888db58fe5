package io.campuscrm.students;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A row of the student list and of the quick search. Phones are E.164. */
public record StudentSummary(long id, String studentNumber, String fullName, @Nullable String preferredName,
        @Nullable String chineseName, @Nullable LocalDate birthDate, StudentStatus status, @Nullable Long campusId,
        long familyId, @Nullable String primaryGuardianName, @Nullable String primaryGuardianPhone,
        @Nullable String phone, @Nullable String email, List<String> tags, Instant createdAt) {

    /** "Tan Wei Ming (Ethan)": the full name, and the preferred name when it adds something. */
    public String displayName() {
        return StudentNames.display(fullName, preferredName);
    }
}
