package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

/** A guardian as the family tab shows it; phone is E.164. */
public record GuardianView(long id, long familyId, String fullName, GuardianRelationship relationship,
        @Nullable String phone, @Nullable String email, boolean primaryContact, long version) {

    public GuardianDraft toDraft() {
        return new GuardianDraft(fullName, relationship, phone, email, primaryContact);
    }
}
