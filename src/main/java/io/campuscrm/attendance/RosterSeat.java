package io.campuscrm.attendance;

import org.jspecify.annotations.Nullable;

/**
 * One seat of a session's roster, as a {@link RosterSeats} source gives it.
 *
 * @param key       stable within the session: {@code student:42} for a student, {@code trial:7} for a trial guest
 * @param studentId the student, for seats that are students (their marks consume lessons); null for a guest
 * @param name      the name shown on the roster
 * @param kind      what kind of seat: {@code enrolled}, {@code make-up}, {@code trial}; its badge reads
 *                  {@code attendance.seat.<kind>}
 * @param note      a line under the name (where a make-up student comes from, a trial's lead), or null
 */
public record RosterSeat(String key, @Nullable Long studentId, String name, String kind, @Nullable String note) {

    public static String studentKey(long studentId) {
        return "student:" + studentId;
    }

    /** Up to two letters of the name for the seat's avatar: first and last word's initials, or the first character. */
    public String initials() {
        var words = name.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "?";
        }
        if (words.length == 1 || !Character.isLetter(words[0].codePointAt(0))
                || Character.UnicodeScript.of(words[0].codePointAt(0)) == Character.UnicodeScript.HAN) {
            return new String(Character.toChars(words[0].codePointAt(0)));
        }
        var last = words[words.length - 1];
        return (new String(Character.toChars(words[0].codePointAt(0)))
                + new String(Character.toChars(last.codePointAt(0)))).toUpperCase(java.util.Locale.ROOT);
    }
}
