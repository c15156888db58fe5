package io.campuscrm.students;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;

/**
 * A family with its guardians and students for {@link StudentBulkLoader}: demo and benchmark data.
 *
 * @param createdAt when the family joined (its students' and guardians' creation time too)
 * @param preferredLanguage what letters to the family are written in; null: the institution's
 */
public record BulkFamily(String displayName, String address, List<GuardianDraft> guardians,
        List<StudentDraft> students, Instant createdAt, @Nullable Language preferredLanguage) {

    public BulkFamily {
        guardians = List.copyOf(guardians);
        students = List.copyOf(students);
    }

    /** A family that reads the institution's language. */
    public BulkFamily(String displayName, String address, List<GuardianDraft> guardians, List<StudentDraft> students,
            Instant createdAt) {
        this(displayName, address, guardians, students, createdAt, null);
    }
}
