package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;

import jakarta.validation.constraints.Size;

/**
 * A family's own fields. A blank display name becomes the primary guardian's name (or the first student's).
 *
 * @param displayName how invoices and lists name the family, e.g. "Tan Ah Kow"
 * @param address     the billing address
 * @param preferredLanguage what letters, receipts and e-mails to the family are written in; null: the institution's
 */
public record FamilyDraft(@Nullable @Size(max = 200) String displayName, @Nullable @Size(max = 500) String address,
        @Nullable Language preferredLanguage) {

    public static FamilyDraft unnamed() {
        return new FamilyDraft(null, null, null);
    }
}
