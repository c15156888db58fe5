package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user enters for a guardian; phone and e-mail as typed (normalised by the service).
 *
 * @param preferredLanguage what letters, receipts and e-mails to this guardian are written in; null: the family's
 * @param primaryContact    the family's first contact; a family has at most one (setting it moves the flag)
 */
public record GuardianDraft(
        @NotBlank @Size(max = 200) String fullName,
        @NotNull GuardianRelationship relationship,
        @Nullable @Size(max = 40) String phone,
        @Nullable @Size(max = 254) String email,
        @Nullable Language preferredLanguage,
        boolean primaryContact) {

    /** The same guardian, as or not as the family's primary contact. */
    public GuardianDraft withPrimaryContact(boolean primary) {
        return new GuardianDraft(fullName, relationship, phone, email, preferredLanguage, primary);
    }
}
