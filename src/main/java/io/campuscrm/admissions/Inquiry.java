package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;

/**
 * What a parent sends through the public inquiry form, as typed. {@code consentText} is the wording the form showed
 * beside the box, in the form's language; {@code trap} is the field people never see and robots fill in.
 */
public record Inquiry(@Nullable Long campusId, @Nullable String childName, @Nullable String guardianName,
        @Nullable String phone, @Nullable String email, @Nullable Long courseId, @Nullable String preferredTimes,
        @Nullable String message, boolean consent, String consentText, Language language, @Nullable String trap) {
}
