package io.campuscrm.students;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An existing student or guardian that looks like the one being entered.
 *
 * @param kind          what matched: a student or a guardian
 * @param id            the student's or guardian's id
 * @param name          their name
 * @param studentNumber the student's number (null for a guardian)
 * @param familyId      the family they belong to: "link to this family" adds the new student there
 * @param familyName    that family's display name
 * @param reason        what is the same
 * @param value         the value that is the same (E.164 phone, e-mail, or name and birth date)
 * @param enteredFor    which part of the entry matched: {@code student} or {@code guardian.<index>}
 */
public record DuplicateMatch(Kind kind, long id, String name, @Nullable String studentNumber, long familyId,
        String familyName, Reason reason, String value, String enteredFor) {

    public enum Kind {
        STUDENT, GUARDIAN
    }

    public enum Reason {
        PHONE, EMAIL, NAME_AND_BIRTH_DATE;

        public String messageKey() {
            return "duplicates.reason." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code enteredFor} of the student being entered. */
    public static final String STUDENT_ENTRY = "student";

    /** {@code enteredFor} of the guardian at {@code index} of the entry. */
    public static String guardianEntry(int index) {
        return "guardian" + "." + index;
    }

    /** A guardian's phone or e-mail: most likely a sibling, whose family the new student should join. */
    public boolean suggestsSibling() {
        return kind == Kind.GUARDIAN || reason != Reason.NAME_AND_BIRTH_DATE;
    }
}
