package io.campuscrm.students;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A student as the file's details form edits it; {@code version} guards against stale edits. Phones are E.164.
 */
public record StudentDetails(long id, String studentNumber, long familyId, String fullName,
        @Nullable String preferredName, @Nullable String chineseName, @Nullable LocalDate birthDate,
        @Nullable String phone, @Nullable String email, String school, String grade, StudentStatus status,
        @Nullable Long campusId, Set<String> tags, long version, Instant createdAt, @Nullable String createdBy,
        Instant updatedAt, @Nullable String updatedBy) {

    public String displayName() {
        return StudentNames.display(fullName, preferredName);
    }

    public StudentDraft toDraft() {
        return new StudentDraft(fullName, preferredName, chineseName, birthDate, phone, email, school, grade, status,
                campusId, tags);
    }

    public StudentRef toRef() {
        return new StudentRef(id, studentNumber, displayName(), campusId, status);
    }
}
