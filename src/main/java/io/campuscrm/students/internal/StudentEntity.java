package io.campuscrm.students.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.domain.AbstractEntity;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.StudentDetails;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentNames;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A student. {@link #apply} takes a draft whose phone and e-mail are already normalised and keeps the derived search
 * columns (name key, search name, reversed phone digits) and the names' sort keys ({@link NameSortKeys}) in step.
 */
@Entity
@Table(name = "student")
public class StudentEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "student_number", nullable = false, updatable = false)
    private String studentNumber;
    @Column(name = "family_id", nullable = false)
    private long familyId;
    @Column(name = "campus_id")
    private @Nullable Long campusId;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Column(name = "preferred_name")
    private @Nullable String preferredName;
    @Column(name = "chinese_name")
    private @Nullable String chineseName;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    @Column(name = "search_name", nullable = false)
    private String searchName;
    @Column(name = "name_sort_en", nullable = false, length = NameSortKeys.MAX_BYTES)
    private byte[] nameSortEn;
    @Column(name = "name_sort_zh", nullable = false, length = NameSortKeys.MAX_BYTES)
    private byte[] nameSortZh;
    @Column(name = "birth_date")
    private @Nullable LocalDate birthDate;
    private @Nullable String phone;
    @Column(name = "phone_rev")
    private @Nullable String phoneRev;
    private @Nullable String email;
    @Column(nullable = false)
    private String school = "";
    @Column(nullable = false)
    private String grade = "";
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StudentStatus status;

    @ElementCollection
    @CollectionTable(name = "student_tag", joinColumns = @JoinColumn(name = "student_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private Set<String> tags = new HashSet<>();

    protected StudentEntity() {
    }

    public StudentEntity(String studentNumber, long familyId) {
        this.studentNumber = studentNumber;
        this.familyId = familyId;
    }

    public void apply(StudentDraft draft) {
        fullName = draft.fullName().strip();
        preferredName = blankToNull(draft.preferredName());
        chineseName = blankToNull(draft.chineseName());
        nameKey = SearchText.nameKey(fullName);
        searchName = SearchText.searchName(fullName, preferredName, chineseName);
        nameSortEn = NameSortKeys.english(fullName);
        nameSortZh = NameSortKeys.chinese(fullName, chineseName);
        birthDate = draft.birthDate();
        phone = draft.phone();
        phoneRev = ContactNormaliser.reversedDigits(phone);
        email = draft.email();
        school = draft.school() == null ? "" : draft.school().strip();
        grade = draft.grade() == null ? "" : draft.grade().strip();
        status = draft.status();
        campusId = draft.campusId();
        tags.clear();
        tags.addAll(normaliseTags(draft.tags()));
    }

    /** Trimmed, and one per spelling regardless of case (the column compares without case). */
    public static Set<String> normaliseTags(Set<String> raw) {
        Map<String, String> byKey = new HashMap<>();
        for (String tag : raw) {
            if (tag != null && !tag.isBlank()) {
                String clean = tag.strip().replaceAll("\\s+", " ");
                byKey.putIfAbsent(SearchText.normalise(clean).isEmpty() ? clean.toLowerCase(Locale.ROOT)
                        : SearchText.normalise(clean), clean);
            }
        }
        return new HashSet<>(byKey.values());
    }

    public StudentDetails toDetails() {
        return new StudentDetails(id, studentNumber, familyId, fullName, preferredName, chineseName, birthDate, phone,
                email, school, grade, status, campusId, Set.copyOf(tags), getVersion(), getCreatedAt(), getCreatedBy(),
                getUpdatedAt(), getUpdatedBy());
    }

    public StudentRef toRef() {
        return new StudentRef(id, studentNumber, StudentNames.display(fullName, preferredName), campusId, status);
    }

    public Map<String, Integer> searchTokens() {
        return SearchText.tokens(fullName, preferredName, chineseName);
    }

    public String sortKey() {
        return SearchText.sortKey(fullName);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public String getStudentNumber() {
        return studentNumber;
    }

    public long getFamilyId() {
        return familyId;
    }

    public void moveTo(long newFamilyId) {
        familyId = newFamilyId;
    }

    public @Nullable Long getCampusId() {
        return campusId;
    }

    /** The keys the duplicate check looks up (see {@link DuplicateFinder}). */
    public @Nullable String getPhoneRev() {
        return phoneRev;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public String getNameKey() {
        return nameKey;
    }

    public @Nullable LocalDate getBirthDate() {
        return birthDate;
    }

    public String getFullName() {
        return fullName;
    }

    public StudentStatus getStatus() {
        return status;
    }
}
