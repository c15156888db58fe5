package io.campuscrm.students;

import java.util.List;

/**
 * A student's file as its header and tabs show it: the student, the family with its guardians, the siblings the
 * user may see, and how many documents and notes there are.
 */
public record StudentFile(StudentDetails student, FamilyView family, List<StudentRef> siblings, long documentCount,
        long noteCount) {
}
