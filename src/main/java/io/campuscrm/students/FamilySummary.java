package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

/** A family as a picker lists it: number, name and how to reach the primary contact. */
public record FamilySummary(long id, String familyNumber, String displayName, @Nullable String primaryGuardianName,
        @Nullable String primaryGuardianPhone, @Nullable String primaryGuardianEmail) {
}
