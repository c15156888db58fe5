package io.campuscrm.admissions.ui;

import com.vaadin.flow.component.Component;

import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.FamilySummary;

/** How the admissions screens write a list entry: a built-in one in the reader's language, a school's own as named. */
final class LeadTexts {

    private LeadTexts() {
    }

    static String choice(Component on, LeadChoice choice) {
        return choice.labelKey() != null ? on.getTranslation(choice.labelKey())
                : choice.name() == null ? "#" + choice.id() : choice.name();
    }

    static String entry(Component on, LeadListEntry entry) {
        return choice(on, entry.choice());
    }

    /** A family as the referrer picker and a lead's page name it: number, name, the primary contact's phone. */
    static String family(FamilySummary family) {
        String contact = family.primaryGuardianPhone() != null
                ? ContactNormaliser.display(family.primaryGuardianPhone())
                : family.primaryGuardianEmail() == null ? "" : family.primaryGuardianEmail();
        return family.familyNumber() + " · " + family.displayName() + (contact.isEmpty() ? "" : " · " + contact);
    }
}
