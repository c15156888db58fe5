package io.campuscrm.students.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.DuplicateMatch;
import io.campuscrm.students.DuplicateMatch.Kind;
import io.campuscrm.students.DuplicateMatch.Reason;

/**
 * Finds existing students and guardians that share a phone number or e-mail with an entry, or (students) the same
 * name words and birth date. Every lookup is an index lookup. Values arrive normalised.
 */
@Component
public class DuplicateFinder {

    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final FamilyRepository families;

    DuplicateFinder(StudentRepository students, GuardianRepository guardians, FamilyRepository families) {
        this.students = students;
        this.guardians = guardians;
        this.families = families;
    }

    /** Matches of one entered person ({@code enteredFor} names which), without the ids in {@code except}. */
    public List<DuplicateMatch> find(String enteredFor, @Nullable String e164, @Nullable String email,
            @Nullable String nameKey, @Nullable LocalDate birthDate, Set<Long> exceptGuardians) {
        List<Found> found = new ArrayList<>();
        if (e164 != null) {
            String rev = ContactNormaliser.reversedDigits(e164);
            students.findByPhoneRev(rev).forEach(s -> found.add(Found.of(s, Reason.PHONE, e164)));
            guardians.findByPhoneRev(rev).stream().filter(g -> !exceptGuardians.contains(g.getId()))
                    .forEach(g -> found.add(Found.of(g, Reason.PHONE, e164)));
        }
        if (email != null) {
            students.findByEmail(email).forEach(s -> found.add(Found.of(s, Reason.EMAIL, email)));
            guardians.findByEmail(email).stream().filter(g -> !exceptGuardians.contains(g.getId()))
                    .forEach(g -> found.add(Found.of(g, Reason.EMAIL, email)));
        }
        if (nameKey != null && !nameKey.isEmpty() && birthDate != null) {
            students.findByNameKeyAndBirthDate(nameKey, birthDate)
                    .forEach(s -> found.add(Found.of(s, Reason.NAME_AND_BIRTH_DATE, s.getFullName() + ", "
                            + birthDate)));
        }
        return withFamilies(enteredFor, found);
    }

    /** One match per person and reason, with the family's name looked up once per family. */
    private List<DuplicateMatch> withFamilies(String enteredFor, List<Found> found) {
        Map<String, Found> distinct = new LinkedHashMap<>();
        found.forEach(f -> distinct.putIfAbsent(f.kind() + ":" + f.id() + ":" + f.reason(), f));
        Map<Long, String> familyNames = new HashMap<>();
        families.findAllById(distinct.values().stream().map(Found::familyId).distinct().toList())
                .forEach(f -> familyNames.put(f.getId(), f.getDisplayName()));
        return distinct.values().stream()
                .map(f -> new DuplicateMatch(f.kind(), f.id(), f.name(), f.number(), f.familyId(),
                        familyNames.getOrDefault(f.familyId(), ""), f.reason(), f.value(), enteredFor))
                .toList();
    }

    private record Found(Kind kind, long id, String name, @Nullable String number, long familyId, Reason reason,
            String value) {

        static Found of(StudentEntity s, Reason reason, String value) {
            var ref = s.toRef();
            return new Found(Kind.STUDENT, s.getId(), ref.displayName(), s.getStudentNumber(), s.getFamilyId(),
                    reason, value);
        }

        static Found of(GuardianEntity g, Reason reason, String value) {
            return new Found(Kind.GUARDIAN, g.getId(), g.getFullName(), null, g.getFamilyId(), reason, value);
        }
    }
}
