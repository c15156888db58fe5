package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

/** How other modules refer to a student: enough to show and link it. */
public record StudentRef(long id, String studentNumber, String displayName, @Nullable Long campusId,
        StudentStatus status) {
}
