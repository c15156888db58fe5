package io.campuscrm.students;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;

/** A family with its guardians (primary contact first) and the students of it the user may see. */
public record FamilyView(long id, String familyNumber, String displayName, String address,
        @Nullable Language preferredLanguage, long version, List<GuardianView> guardians, List<StudentRef> students) {

    public Optional<GuardianView> primaryGuardian() {
        return guardians.stream().filter(GuardianView::primaryContact).findFirst()
                .or(() -> guardians.stream().findFirst());
    }

    /**
     * The language to write to this family's guardian in: the guardian's own, else the family's, else empty (the
     * caller falls back to the institution's locale).
     */
    public Optional<Language> languageFor(GuardianView guardian) {
        return Optional.ofNullable(guardian.preferredLanguage()).or(() -> Optional.ofNullable(preferredLanguage));
    }

    public FamilyDraft toDraft() {
        return new FamilyDraft(displayName, address, preferredLanguage);
    }
}
