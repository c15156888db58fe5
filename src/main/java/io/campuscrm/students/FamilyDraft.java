package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/**
 * A family's own fields. A blank display name becomes the primary guardian's name (or the first student's).
 *
 * @param displayName how invoices and lists name the family, e.g. "Tan Ah Kow"
 * @param address     the billing address
 */
public record FamilyDraft(@Nullable @Size(max = 200) String displayName, @Nullable @Size(max = 500) String address) {

    public static FamilyDraft unnamed() {
        return new FamilyDraft(null, null);
    }
}
