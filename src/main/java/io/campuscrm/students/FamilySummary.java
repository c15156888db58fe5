package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

/**
 * A family as a picker lists it: number, name and how to reach the primary contact. A family none of whose students
 * the user may see comes {@linkplain #masked() masked}: enough to recognise it when linking a sibling, not to contact
 * it.
 */
public record FamilySummary(long id, String familyNumber, String displayName, @Nullable String primaryGuardianName,
        @Nullable String primaryGuardianPhone, @Nullable String primaryGuardianEmail) {

    /** The phone's last four digits and the e-mail's first letter and domain: "•••• 4321", "m•••@example.com". */
    public FamilySummary masked() {
        String phone = primaryGuardianPhone == null ? null : "•••• " + lastDigits(primaryGuardianPhone, 4);
        String email = primaryGuardianEmail == null || primaryGuardianEmail.indexOf('@') < 1 ? null
                : primaryGuardianEmail.charAt(0) + "•••" + primaryGuardianEmail.substring(
                        primaryGuardianEmail.indexOf('@'));
        return new FamilySummary(id, familyNumber, displayName, primaryGuardianName, phone, email);
    }

    private static String lastDigits(String phone, int count) {
        String digits = phone.replaceAll("\\D", "");
        return digits.substring(Math.max(0, digits.length() - count));
    }
}
