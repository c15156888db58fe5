package io.campuscrm.students;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who to call about a student, for rosters and contact lists: the name in Chinese characters (when the student has
 * one) and the family's guardians, primary contact first (phones E.164).
 */
public record StudentContacts(long studentId, @Nullable String chineseName, List<GuardianView> guardians) {

    public StudentContacts {
        guardians = List.copyOf(guardians);
    }
}
