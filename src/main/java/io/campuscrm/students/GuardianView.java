package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;

/**
 * A guardian as the family tab shows it; phone is E.164.
 *
 * @param preferredLanguage the guardian's own language, or null to follow the family's
 */
public record GuardianView(long id, long familyId, String fullName, GuardianRelationship relationship,
        @Nullable String phone, @Nullable String email, @Nullable Language preferredLanguage, boolean primaryContact,
        long version) {

    public GuardianDraft toDraft() {
        return new GuardianDraft(fullName, relationship, phone, email, preferredLanguage, primaryContact);
    }
}
