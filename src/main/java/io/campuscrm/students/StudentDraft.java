package io.campuscrm.students;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What a user enters for a student. Phone and e-mail are as typed: the service normalises them (E.164, lower-case)
 * and refuses invalid ones on their field.
 *
 * @param fullName      the legal name as written, e.g. "Tan Wei Ming", "Nur Aisyah binte Rahman"
 * @param preferredName what the student is called, e.g. "Ethan"
 * @param chineseName   the name in Chinese characters, e.g. 陈伟明
 * @param campusId      the home campus
 */
public record StudentDraft(
        @NotBlank @Size(max = 200) String fullName,
        @Nullable @Size(max = 100) String preferredName,
        @Nullable @Size(max = 100) String chineseName,
        @Nullable @PastOrPresent LocalDate birthDate,
        @Nullable @Size(max = 40) String phone,
        @Nullable @Size(max = 254) String email,
        @Nullable @Size(max = 200) String school,
        @Nullable @Size(max = 40) String grade,
        @NotNull StudentStatus status,
        @Nullable Long campusId,
        Set<@Size(max = 40) String> tags) {

    public StudentDraft {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** A new active student with just a name and campus; the rest can follow. */
    public static StudentDraft named(String fullName, @Nullable Long campusId) {
        return new StudentDraft(fullName, null, null, null, null, null, null, null, StudentStatus.ACTIVE, campusId,
                Set.of());
    }

    public StudentDraft withContacts(@Nullable String newPhone, @Nullable String newEmail) {
        return new StudentDraft(fullName, preferredName, chineseName, birthDate, newPhone, newEmail, school, grade,
                status, campusId, tags);
    }

    public StudentDraft withBirthDate(@Nullable LocalDate date) {
        return new StudentDraft(fullName, preferredName, chineseName, date, phone, email, school, grade, status,
                campusId, tags);
    }

    public StudentDraft withStatus(StudentStatus newStatus) {
        return new StudentDraft(fullName, preferredName, chineseName, birthDate, phone, email, school, grade,
                newStatus, campusId, tags);
    }
}
