package io.campuscrm.students;

import java.time.Instant;
import java.util.List;

/**
 * A family with its guardians and students for {@link StudentBulkLoader}: demo and benchmark data.
 *
 * @param createdAt when the family joined (its students' and guardians' creation time too)
 */
public record BulkFamily(String displayName, String address, List<GuardianDraft> guardians,
        List<StudentDraft> students, Instant createdAt) {

    public BulkFamily {
        guardians = List.copyOf(guardians);
        students = List.copyOf(students);
    }
}
