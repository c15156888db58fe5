package io.campuscrm.students;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.SystemAuthentication;

/**
 * Unique test data for the shared integration-test database: names, Singapore mobile numbers (98xx xxxx, a range
 * the demo data never uses) and e-mails that no other test makes.
 */
final class StudentFixtures {

    private static final Set<String> PHONES = new HashSet<>();

    private StudentFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A name no other test uses, made of letters only (the search normalises digits away from names). */
    static String name(String given) {
        StringBuilder family = new StringBuilder();
        for (char c : unique().toCharArray()) {
            family.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return given + " Z" + family;
    }

    /** A local mobile number as a user types it, e.g. "9812 3456". */
    static synchronized String phone() {
        while (true) {
            int n = ThreadLocalRandom.current().nextInt(1_000_000);
            String number = String.format("98%02d %04d", n / 10_000, n % 10_000);
            if (PHONES.add(number)) {
                return number;
            }
        }
    }

    static String email() {
        return "T.Est." + unique() + "@Example.com";
    }

    static StudentDraft student(String fullName, long campusId) {
        return StudentDraft.named(fullName, campusId).withBirthDate(LocalDate.of(2015, 3, 14));
    }

    static GuardianDraft guardian(String name, String phone, String email) {
        return new GuardianDraft(name, GuardianRelationship.MOTHER, phone, email, null, true);
    }

    static Campus campus(InstitutionService institution, String name) {
        return SystemAuthentication.call(() -> institution.campuses().stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow());
    }
}
