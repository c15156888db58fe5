package io.campuscrm.students;

import java.util.Locale;

/** Where a student stands with the school. */
public enum StudentStatus {
    ACTIVE, PAUSED, GRADUATED, WITHDRAWN;

    /** The i18n key of the status's name. */
    public String messageKey() {
        return "student.status." + name().toLowerCase(Locale.ROOT);
    }
}
