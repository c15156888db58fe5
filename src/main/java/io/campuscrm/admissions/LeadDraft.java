package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A lead as it is entered (by staff, the public form, the intake endpoint or a file): the child, the guardian who
 * asked and how to reach them (a phone or an e-mail at least), the campus, what they are interested in, where they
 * came from. Phones may be local numbers; they are stored in E.164.
 *
 * @param consentText the wording the guardian agreed to be contacted by, as they saw it; null when entered by staff
 */
public record LeadDraft(long campusId, @NotBlank @Size(max = 120) String childName,
        @Nullable @Size(max = 120) String guardianName, @Nullable @Size(max = 40) String phone,
        @Nullable @Size(max = 254) String email, @Nullable Long courseId,
        @Nullable @Size(max = 200) String preferredTimes, @Nullable @Size(max = 2000) String message, long sourceId,
        @Nullable Long campaignId, @Nullable Long referringFamilyId, @Nullable @Size(max = 1000) String consentText) {

    /** A lead with only what staff must enter: campus, child, a phone, a source. */
    public static LeadDraft of(long campusId, String childName, @Nullable String guardianName, @Nullable String phone,
            @Nullable String email, long sourceId) {
        return new LeadDraft(campusId, childName, guardianName, phone, email, null, null, null, sourceId, null, null,
                null);
    }
}
