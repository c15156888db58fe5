package io.campuscrm.admissions.ui;

import com.vaadin.flow.component.Component;

import io.campuscrm.admissions.LeadChoice;

/** How the admissions screens write a list entry: a built-in one in the reader's language, a school's own as named. */
final class LeadTexts {

    private LeadTexts() {
    }

    static String choice(Component on, LeadChoice choice) {
        return choice.labelKey() != null ? on.getTranslation(choice.labelKey())
                : choice.name() == null ? "#" + choice.id() : choice.name();
    }
}
