package io.campuscrm.students;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** How a student's name is shown across the application. */
public final class StudentNames {

    private StudentNames() {
    }

    /** The full name, with the preferred name in brackets unless the full name already contains it. */
    public static String display(String fullName, @Nullable String preferredName) {
        if (preferredName == null || preferredName.isBlank()
                || fullName.toLowerCase(Locale.ROOT).contains(preferredName.strip().toLowerCase(Locale.ROOT))) {
            return fullName;
        }
        return fullName + " (" + preferredName.strip() + ")";
    }
}
