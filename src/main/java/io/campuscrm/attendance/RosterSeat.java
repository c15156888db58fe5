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

    /**
     * Up to two letters of the name for the seat's avatar: the initials of its first and last word, leaving out what
     * is in brackets (a preferred name, "Lee Kai Wen (Nathan)" is LW) and words that start with no letter; a Chinese
     * name, or a name of one word, gives its first character.
     */
    public String initials() {
        var words = java.util.Arrays.stream(name.replaceAll("[(（\\[][^)）\\]]*[)）\\]]", " ").strip().split("\\s+"))
                .filter(w -> !w.isEmpty() && Character.isLetter(w.codePointAt(0))).toList();
        if (words.isEmpty()) {
            var first = name.strip();
            return first.isEmpty() ? "?" : new String(Character.toChars(first.codePointAt(0)));
        }
        var first = words.getFirst();
        if (words.size() == 1 || Character.UnicodeScript.of(first.codePointAt(0)) == Character.UnicodeScript.HAN) {
            return new String(Character.toChars(first.codePointAt(0)));
        }
        return (new String(Character.toChars(first.codePointAt(0)))
                + new String(Character.toChars(words.getLast().codePointAt(0)))).toUpperCase(java.util.Locale.ROOT);
    }
}
