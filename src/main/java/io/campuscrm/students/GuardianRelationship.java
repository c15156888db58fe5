package io.campuscrm.students;

import java.util.Locale;

/** How a guardian is related to the students of the family. */
public enum GuardianRelationship {
    MOTHER, FATHER, GUARDIAN, OTHER;

    public String messageKey() {
        return "guardian.relationship." + name().toLowerCase(Locale.ROOT);
    }
}
