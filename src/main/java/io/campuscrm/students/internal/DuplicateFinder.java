package io.campuscrm.students.internal;

import java.text.CollationKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.DuplicateMatch;
import io.campuscrm.students.DuplicateMatch.Kind;
import io.campuscrm.students.DuplicateMatch.Reason;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;

/**
 * Finds existing students and guardians that share a phone number or e-mail with an entry, or (students) the same
 * name words and birth date. Every lookup is an index lookup. Values arrive normalised.
 */
@Component
public class DuplicateFinder {

    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final FamilyRepository families;
    private final EntityManager entityManager;

    DuplicateFinder(StudentRepository students, GuardianRepository guardians, FamilyRepository families,
            EntityManager entityManager) {
        this.students = students;
        this.guardians = guardians;
        this.families = families;
        this.entityManager = entityManager;
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

    /** One entered person, as {@link #find} takes it (without exceptions: the import has no guardian ids yet). */
    public record Entry(String enteredFor, @Nullable String e164, @Nullable String email, @Nullable String nameKey,
            @Nullable LocalDate birthDate) {

        boolean hasNameAndBirthDate() {
            return nameKey != null && !nameKey.isEmpty() && birthDate != null;
        }
    }

    /**
     * {@link #find} for many entries at once (a batch of import rows): one statement per kind of look-up (students'
     * and guardians' phones, their e-mails, students' names with birth dates, the families' names), however many
     * entries there are. Each entry's matches are those {@code find} gives for it, in the same order.
     */
    public List<List<DuplicateMatch>> findAll(List<Entry> entries) {
        Set<String> phoneRevs = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<NameAndBirthDate> names = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.e164() != null) {
                phoneRevs.add(ContactNormaliser.reversedDigits(e.e164()));
            }
            if (e.email() != null) {
                emails.add(e.email());
            }
            if (e.hasNameAndBirthDate()) {
                names.add(new NameAndBirthDate(e.nameKey(), e.birthDate()));
            }
        }
        // phone_rev and name_key compare bytes, e-mails compare as their column does (case and accents ignored)
        var collated = new CollatedText();
        Map<String, List<StudentEntity>> studentsByPhone = byKey(phoneRevs.isEmpty() ? List.of()
                : students.findByPhoneRevIn(phoneRevs), StudentEntity::getPhoneRev, StudentEntity::getId);
        Map<String, List<GuardianEntity>> guardiansByPhone = byKey(phoneRevs.isEmpty() ? List.of()
                : guardians.findByPhoneRevIn(phoneRevs), GuardianEntity::getPhoneRev, GuardianEntity::getId);
        Map<CollationKey, List<StudentEntity>> studentsByEmail = byKey(emails.isEmpty() ? List.of()
                : students.findByEmailIn(emails), s -> collated.keyOrNull(s.getEmail()), StudentEntity::getId);
        Map<CollationKey, List<GuardianEntity>> guardiansByEmail = byKey(emails.isEmpty() ? List.of()
                : guardians.findByEmailIn(emails), g -> collated.keyOrNull(g.getEmail()), GuardianEntity::getId);
        Map<NameAndBirthDate, List<StudentEntity>> studentsByName = byKey(studentsByNameAndBirthDate(names),
                s -> new NameAndBirthDate(s.getNameKey(), s.getBirthDate()), StudentEntity::getId);

        List<List<Found>> found = new ArrayList<>();
        for (Entry e : entries) {
            List<Found> of = new ArrayList<>();
            if (e.e164() != null) {
                String rev = ContactNormaliser.reversedDigits(e.e164());
                studentsByPhone.getOrDefault(rev, List.of())
                        .forEach(s -> of.add(Found.of(s, Reason.PHONE, e.e164())));
                guardiansByPhone.getOrDefault(rev, List.of())
                        .forEach(g -> of.add(Found.of(g, Reason.PHONE, e.e164())));
            }
            if (e.email() != null) {
                var key = collated.key(e.email());
                studentsByEmail.getOrDefault(key, List.of())
                        .forEach(s -> of.add(Found.of(s, Reason.EMAIL, e.email())));
                guardiansByEmail.getOrDefault(key, List.of())
                        .forEach(g -> of.add(Found.of(g, Reason.EMAIL, e.email())));
            }
            if (e.hasNameAndBirthDate()) {
                studentsByName.getOrDefault(new NameAndBirthDate(e.nameKey(), e.birthDate()), List.of())
                        .forEach(s -> of.add(Found.of(s, Reason.NAME_AND_BIRTH_DATE, s.getFullName() + ", "
                                + e.birthDate())));
            }
            found.add(distinct(of));
        }
        var familyNames = familyNames(found.stream().flatMap(List::stream).toList());
        List<List<DuplicateMatch>> matches = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            matches.add(toMatches(entries.get(i).enteredFor(), found.get(i), familyNames));
        }
        return matches;
    }

    /** One match per person and reason, with the family's name looked up once per family. */
    private List<DuplicateMatch> withFamilies(String enteredFor, List<Found> found) {
        var distinct = distinct(found);
        return toMatches(enteredFor, distinct, familyNames(distinct));
    }

    private static List<Found> distinct(List<Found> found) {
        Map<String, Found> distinct = new LinkedHashMap<>();
        found.forEach(f -> distinct.putIfAbsent(f.kind() + ":" + f.id() + ":" + f.reason(), f));
        return List.copyOf(distinct.values());
    }

    private Map<Long, String> familyNames(List<Found> found) {
        Map<Long, String> familyNames = new HashMap<>();
        var ids = found.stream().map(Found::familyId).distinct().toList();
        if (!ids.isEmpty()) {
            families.findAllById(ids).forEach(f -> familyNames.put(f.getId(), f.getDisplayName()));
        }
        return familyNames;
    }

    private static List<DuplicateMatch> toMatches(String enteredFor, List<Found> found, Map<Long, String> familyNames) {
        return found.stream()
                .map(f -> new DuplicateMatch(f.kind(), f.id(), f.name(), f.number(), f.familyId(),
                        familyNames.getOrDefault(f.familyId(), ""), f.reason(), f.value(), enteredFor))
                .toList();
    }

    /**
     * Students with any of these names and birth dates: one statement, an OR of (name_key, birth_date) pairs, each a
     * point in ix_student_name_key (an IN over each column alone would match every name with every date).
     */
    private List<StudentEntity> studentsByNameAndBirthDate(Collection<NameAndBirthDate> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        var cb = entityManager.getCriteriaBuilder();
        var query = cb.createQuery(StudentEntity.class);
        var s = query.from(StudentEntity.class);
        query.select(s).where(cb.or(names.stream().map(n -> cb.and(cb.equal(s.get("nameKey"), n.nameKey()),
                cb.equal(s.get("birthDate"), n.birthDate()))).toArray(Predicate[]::new)));
        return entityManager.createQuery(query).getResultList();
    }

    /** Grouped by a key, each group in id order: the order of the one-value look-ups (their index ends with id). */
    private static <E, K> Map<K, List<E>> byKey(List<E> rows, Function<E, @Nullable K> key, Function<E, Long> id) {
        Map<K, List<E>> groups = new HashMap<>();
        rows.stream().sorted(Comparator.comparing(id)).forEach(row -> {
            K k = key.apply(row);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
            }
        });
        return groups;
    }

    private record NameAndBirthDate(String nameKey, LocalDate birthDate) {
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
