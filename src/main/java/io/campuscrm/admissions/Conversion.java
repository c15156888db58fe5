package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.Enrollment;

/** What a conversion made: the lead (now Enrolled), the student, and their enrollment or place on a waiting list. */
public record Conversion(Lead lead, long studentId, String studentNumber, long familyId, boolean familyCreated,
        @Nullable Enrollment enrollment) {
}
