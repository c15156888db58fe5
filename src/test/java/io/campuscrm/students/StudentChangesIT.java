package io.campuscrm.students;

import static io.campuscrm.students.StudentFixtures.email;
import static io.campuscrm.students.StudentFixtures.guardian;
import static io.campuscrm.students.StudentFixtures.name;
import static io.campuscrm.students.StudentFixtures.phone;
import static io.campuscrm.students.StudentFixtures.student;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/** Creating, finding and changing students: duplicates, families, scoping and the audit trail. */
@CampusIntegrationTest
class StudentChangesIT {

    @Autowired
    TestClock clock;
    @Autowired
    StudentChanges changes;
    @Autowired
    StudentFiles files;
    @Autowired
    StudentSearch search;
    @Autowired
    FamilyService families;
    @Autowired
    InstitutionService institution;
    @Autowired
    AuditLogService auditLog;

    long orchard;
    long tampines;

    @BeforeEach
    void campuses() {
        orchard = StudentFixtures.campus(institution, "Orchard").id();
        tampines = StudentFixtures.campus(institution, "Tampines").id();
    }

    @Test
    @WithUserDetails("admin")
    void a_student_is_created_with_a_new_family_its_guardian_and_a_student_number() {
        String mum = name("Lim Mei Ling");
        var created = changes.create(NewStudent.withNewFamily(student(name("Tan Wei Ming"), orchard),
                guardian(mum, phone(), email())));

        assertThat(created.studentNumber()).matches("S\\d{6,}");
        var file = files.file(created.id());
        assertThat(file.family().displayName()).isEqualTo(mum);
        assertThat(file.family().familyNumber()).matches("F\\d{6,}");
        assertThat(file.family().guardians()).singleElement().satisfies(g -> {
            assertThat(g.primaryContact()).isTrue();
            assertThat(g.phone()).startsWith("+6598");
            assertThat(g.email()).isEqualTo(g.email().toLowerCase());
        });
    }

    @Test
    @WithUserDetails("admin")
    void phones_are_stored_in_e164_and_emails_in_lower_case() {
        String phone = phone();
        String email = email();
        var created = changes.create(NewStudent.withNewFamily(
                student(name("Ravi"), orchard).withContacts(phone, email)));
        assertThat(created.phone()).isEqualTo("+65" + phone.replace(" ", ""));
        assertThat(created.email()).isEqualTo(email.toLowerCase());
    }

    @Test
    @WithUserDetails("admin")
    void an_invalid_phone_or_email_is_refused_on_its_field_and_nothing_is_saved() {
        String fullName = name("Invalid");
        assertThatThrownBy(() -> changes.create(NewStudent.withNewFamily(student(fullName, orchard),
                guardian(name("Mum"), "12345", null))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("guardians[0].phone");
                    assertThat(e.messageKey()).isEqualTo("contact.error.phone-invalid");
                });
        assertThatThrownBy(() -> changes.create(NewStudent.withNewFamily(
                student(fullName, orchard).withContacts(null, "not-an-email"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(search.find(StudentFilter.text(fullName), PageRequest.of(0, 5))).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_guardian_phone_that_exists_is_offered_as_a_sibling_and_linking_adds_the_child_to_that_family() {
        String phone = phone();
        var first = changes.create(NewStudent.withNewFamily(student(name("Tan Jia Hui"), orchard),
                guardian(name("Tan Ah Kow"), phone, null)));

        var second = NewStudent.withNewFamily(student(name("Tan Jun Jie"), orchard).withBirthDate(
                LocalDate.of(2017, 5, 1)), guardian(name("Tan Ah Kow"), phone, null));
        var duplicates = catchDuplicates(second);
        assertThat(duplicates.matches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(DuplicateMatch.Kind.GUARDIAN);
            assertThat(m.reason()).isEqualTo(DuplicateMatch.Reason.PHONE);
            assertThat(m.familyId()).isEqualTo(first.familyId());
            assertThat(m.enteredFor()).isEqualTo("guardian.0");
            assertThat(m.suggestsSibling()).isTrue();
        });

        var sibling = changes.create(second.linkedTo(first.familyId()));
        assertThat(sibling.familyId()).isEqualTo(first.familyId());
        var file = files.file(first.id());
        assertThat(file.siblings()).extracting(StudentRef::id).containsExactly(sibling.id());
        assertThat(file.family().guardians()).hasSize(1);
    }

    @Test
    @WithUserDetails("admin")
    void the_same_name_and_birth_date_is_a_possible_duplicate_whatever_the_word_order_and_accents() {
        String given = name("José");
        changes.create(NewStudent.withNewFamily(student(given + " Fernández", orchard)));
        String reordered = "Fernandez " + given.toUpperCase().replace("JOSÉ", "JOSE");
        var duplicates = catchDuplicates(NewStudent.withNewFamily(student(reordered, tampines)));
        assertThat(duplicates.matches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(DuplicateMatch.Kind.STUDENT);
            assertThat(m.reason()).isEqualTo(DuplicateMatch.Reason.NAME_AND_BIRTH_DATE);
            assertThat(m.studentNumber()).startsWith("S");
        });
    }

    @Test
    @WithUserDetails("admin")
    void an_email_that_a_guardian_has_is_a_possible_duplicate_of_a_new_students_email() {
        String email = email();
        changes.create(NewStudent.withNewFamily(student(name("Aisyah"), orchard), guardian(name("Siti"), null,
                email)));
        var duplicates = catchDuplicates(NewStudent.withNewFamily(
                student(name("Other"), orchard).withContacts(null, email.toUpperCase())));
        assertThat(duplicates.matches()).extracting(DuplicateMatch::reason).containsExactly(
                DuplicateMatch.Reason.EMAIL);
    }

    @Test
    @WithUserDetails("admin")
    void create_anyway_creates_a_second_family_despite_the_match() {
        String phone = phone();
        changes.create(NewStudent.withNewFamily(student(name("First"), orchard), guardian(name("A"), phone, null)));
        var request = NewStudent.withNewFamily(student(name("Second"), orchard), guardian(name("B"), phone, null));
        catchDuplicates(request);
        var created = changes.create(request.anyway());
        assertThat(files.file(created.id()).family().guardians()).hasSize(1);
    }

    @Test
    @WithUserDetails("admin")
    void a_child_on_a_parents_phone_is_not_a_duplicate_when_joining_that_family() {
        String phone = phone();
        var first = changes.create(NewStudent.withNewFamily(student(name("Eldest"), orchard),
                guardian(name("Mum"), phone, null)));
        var younger = changes.create(NewStudent.inFamily(student(name("Younger"), orchard)
                .withContacts(phone, null), first.familyId()));
        assertThat(younger.familyId()).isEqualTo(first.familyId());
    }

    @Test
    @WithUserDetails("admin")
    void adding_a_guardian_whose_phone_exists_elsewhere_shows_the_match_first() {
        String phone = phone();
        changes.create(NewStudent.withNewFamily(student(name("One"), orchard), guardian(name("Dad"), phone, null)));
        var other = changes.create(NewStudent.withNewFamily(student(name("Two"), orchard)));
        var draft = new GuardianDraft(name("Dad"), GuardianRelationship.FATHER, phone, null, null, false);
        assertThatThrownBy(() -> families.addGuardian(other.familyId(), draft, false))
                .isInstanceOf(PossibleDuplicatesException.class);
        assertThat(families.addGuardian(other.familyId(), draft, true).phone()).isNotNull();
    }

    @Test
    @WithUserDetails("admin")
    void a_stale_edit_is_refused_and_names_who_saved_in_between() {
        var created = changes.create(NewStudent.withNewFamily(student(name("Stale"), orchard)));
        changes.update(created.id(), created.version(), created.toDraft().withStatus(StudentStatus.PAUSED));
        assertThatThrownBy(() -> changes.update(created.id(), created.version(),
                created.toDraft().withStatus(StudentStatus.WITHDRAWN)))
                .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.changedBy()).isEqualTo("admin"));
        assertThat(search.reference(created.id()).orElseThrow().status()).isEqualTo(StudentStatus.PAUSED);
    }

    @Test
    @WithUserDetails("admin")
    void opening_a_file_is_audited_as_a_read_and_a_change_with_its_field_diff() {
        var created = changes.create(NewStudent.withNewFamily(student(name("Audited"), orchard)));
        files.file(created.id());
        changes.update(created.id(), created.version(), created.toDraft().withStatus(StudentStatus.GRADUATED));

        var entries = auditLog.search(new AuditFilter("admin", "Student", String.valueOf(created.id()), null, null,
                null), PageRequest.of(0, 10)).getContent();
        assertThat(entries).extracting(e -> e.action())
                .containsExactly(AuditAction.UPDATE, AuditAction.READ, AuditAction.CREATE);
        assertThat(entries.getFirst().details()).isEqualTo("status: ACTIVE → GRADUATED");
    }

    @Test
    @WithUserDetails("admin")
    void the_timeline_shows_creation_changes_and_notes_newest_first() {
        var created = changes.create(NewStudent.withNewFamily(student(name("Timeline"), orchard)));
        clock.advance(Duration.ofSeconds(1)); // the timeline pages by time: the change comes a second later
        changes.update(created.id(), created.version(), created.toDraft().withStatus(StudentStatus.PAUSED));
        var entries = SystemAuthentication.call(() -> timeline.timeline(created.id(), null, 10));
        assertThat(entries).extracting(TimelineEntry::titleKey).containsExactly("timeline.student.updated",
                "timeline.student.status-changed", "timeline.student.created");
        assertThat(entries.get(1).titleArgs()).containsExactly("#student.status.paused");
        assertThat(entries.get(0).titleArgs()).as("the changed field's label, translated when shown")
                .containsExactly("#student.status");
        var older = timeline.timeline(created.id(), entries.get(1).occurredAt(), 10);
        assertThat(older).extracting(TimelineEntry::titleKey).containsExactly("timeline.student.created");
    }

    @Test
    @WithUserDetails("admin")
    void removing_a_guardian_says_so_on_each_childs_timeline() {
        var created = changes.create(NewStudent.withNewFamily(student(name("Removed"), orchard)));
        var dad = families.addGuardian(created.familyId(), new GuardianDraft(name("Dad"), GuardianRelationship.FATHER,
                phone(), null, null, false), true);
        clock.advance(Duration.ofSeconds(1));
        families.removeGuardian(dad.id(), dad.version());

        var newest = timeline.timeline(created.id(), null, 1).getFirst();
        assertThat(newest.titleKey()).isEqualTo("timeline.student.guardian-removed");
        assertThat(newest.titleArgs()).containsExactly(dad.fullName());
        assertThat(newest.details()).isNull();
    }

    @Autowired
    StudentTimelineService timeline;

    @Test
    @WithUserDetails("admissions")
    void admissions_at_one_campus_neither_see_nor_create_students_of_another() {
        var there = SystemAuthentication.call(() -> changes.create(NewStudent.withNewFamily(
                student(name("Elsewhere"), tampines))));
        assertThat(search.reference(there.id())).isEmpty();
        assertThatThrownBy(() -> files.file(there.id())).isInstanceOf(DomainException.class);
        assertThat(search.find(new StudentFilter(null, null, tampines, null), PageRequest.of(0, 5))).isEmpty();
        assertThatThrownBy(() -> changes.create(NewStudent.withNewFamily(student(name("Mine"), tampines))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("campusId"));
        assertThatThrownBy(() -> files.file(there.id())).isExactlyInstanceOf(NotFoundException.class);
        assertThat(changes.create(NewStudent.withNewFamily(student(name("Mine"), orchard))).campusId())
                .isEqualTo(orchard);
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_sees_only_the_students_of_their_classes() {
        // The scheduling module names a teacher's students: those enrolled in or waiting for their classes.
        var stranger = SystemAuthentication.call(() -> changes.create(NewStudent.withNewFamily(
                student(name("Stranger"), orchard))));
        assertThat(search.find(StudentFilter.all(), PageRequest.of(0, 500)).getContent())
                .extracting(StudentSummary::id).isNotEmpty().doesNotContain(stranger.id());
        assertThat(search.references(List.of(stranger.id()))).isEmpty();
        assertThatThrownBy(() -> files.file(stranger.id())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> changes.create(NewStudent.withNewFamily(student(name("No"), orchard))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("finance")
    void finance_reads_every_campus_but_changes_nothing() {
        assertThat(search.find(new StudentFilter(null, null, tampines, null), PageRequest.of(0, 5))).isNotEmpty();
        var any = search.find(StudentFilter.all(), PageRequest.of(0, 1)).getContent().getFirst();
        var file = files.file(any.id());
        assertThatThrownBy(() -> changes.update(any.id(), file.student().version(), file.student().toDraft()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void references_give_other_modules_names_and_numbers_by_id() {
        var a = changes.create(NewStudent.withNewFamily(new StudentDraft(name("Tan Wei Ming"), "Ethan", "陈伟明",
                null, null, null, null, null, StudentStatus.ACTIVE, orchard, Set.of())));
        var refs = search.references(List.of(a.id(), -1L));
        assertThat(refs).containsOnlyKeys(a.id());
        assertThat(refs.get(a.id()).displayName()).endsWith("(Ethan)");
        assertThat(refs.get(a.id()).studentNumber()).isEqualTo(a.studentNumber());
    }

    @Test
    @WithUserDetails("admin")
    void tags_are_kept_once_per_spelling_and_offered_for_autocomplete() {
        String tag = "Robotics-" + StudentFixtures.unique();
        var created = changes.create(NewStudent.withNewFamily(new StudentDraft(name("Tagged"), null, null, null,
                null, null, null, null, StudentStatus.ACTIVE, orchard, Set.of(tag, tag.toLowerCase(), " " + tag))));
        assertThat(created.tags()).hasSize(1);
        assertThat(search.tags(tag.substring(0, 12).toLowerCase(), 10)).contains(created.tags().iterator().next());
        assertThat(search.find(new StudentFilter(null, null, null, tag), PageRequest.of(0, 5)))
                .extracting(StudentSummary::id).containsExactly(created.id());
    }

    private PossibleDuplicatesException catchDuplicates(NewStudent request) {
        try {
            changes.create(request);
        } catch (PossibleDuplicatesException e) {
            return e;
        }
        throw new AssertionError("Expected possible duplicates");
    }
}
