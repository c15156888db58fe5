package io.campuscrm.students;

import static io.campuscrm.students.StudentFixtures.guardian;
import static io.campuscrm.students.StudentFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * One search field finds a student by any part of a name (accents and case aside, Chinese too), a phone fragment,
 * an e-mail or the student number. Names carry a marker no other test or demo student has.
 */
@CampusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentSearchIT {

    @Autowired
    StudentChanges changes;
    @Autowired
    StudentFiles files;
    @Autowired
    StudentSearch search;
    @Autowired
    InstitutionService institution;

    String marker;
    StudentDetails weiMing;
    StudentDetails jose;
    StudentDetails aisyah;
    String guardianPhone;

    @BeforeAll
    void students() {
        marker = "Qx" + StudentFixtures.name("").strip().substring(1, 7).toLowerCase();
        long orchard = StudentFixtures.campus(institution, "Orchard").id();
        guardianPhone = phone();
        SystemAuthentication.run(() -> {
            weiMing = changes.create(NewStudent.withNewFamily(new StudentDraft("Tan Wei Ming " + marker, "Ethan",
                    "陈伟明", LocalDate.of(2014, 2, 3), null, "Ethan.Tan." + marker + "@Example.com", null, null,
                    StudentStatus.ACTIVE, orchard, Set.of()), guardian("Lim Mei Ling " + marker, guardianPhone,
                    null)).anyway());
            jose = changes.create(NewStudent.withNewFamily(new StudentDraft("José Fernández " + marker, null, null,
                    LocalDate.of(2013, 6, 7), null, null, null, null, StudentStatus.PAUSED, orchard, Set.of()))
                    .anyway());
            aisyah = changes.create(NewStudent.withNewFamily(new StudentDraft("Nur Aisyah binte Rahman " + marker,
                    null, null, LocalDate.of(2012, 1, 9), null, null, null, null, StudentStatus.ACTIVE, orchard,
                    Set.of())).anyway());
        });
    }

    @Test
    @WithUserDetails("admin")
    void any_part_of_a_name_finds_the_student() {
        assertThat(ids(marker + " wei")).containsExactly(weiMing.id());
        assertThat(ids("ming " + marker)).containsExactly(weiMing.id());
        assertThat(ids("weiming " + marker)).containsExactly(weiMing.id());
        assertThat(ids("ethan " + marker)).containsExactly(weiMing.id());
        assertThat(ids("isya " + marker)).containsExactly(aisyah.id());
        assertThat(ids(marker)).containsExactlyInAnyOrder(weiMing.id(), jose.id(), aisyah.id());
    }

    @Test
    @WithUserDetails("admin")
    void accents_and_case_do_not_matter() {
        assertThat(ids("jose " + marker)).containsExactly(jose.id());
        assertThat(ids("FERNANDEZ " + marker.toUpperCase())).containsExactly(jose.id());
        assertThat(allIds("JOSÉ")).contains(jose.id());
    }

    @Test
    @WithUserDetails("admin")
    void wei_finds_tan_wei_ming_among_all_students() {
        assertThat(allIds("wei")).contains(weiMing.id());
    }

    @Test
    @WithUserDetails("admin")
    void a_chinese_character_finds_the_chinese_name() {
        assertThat(allIds("陈")).contains(weiMing.id());
        assertThat(allIds("伟明")).contains(weiMing.id());
        assertThat(ids("陈伟明 " + marker)).containsExactly(weiMing.id());
    }

    @Test
    @WithUserDetails("admin")
    void short_queries_find_the_start_of_a_word() {
        assertThat(ids(marker + " ta")).containsExactly(weiMing.id());
        assertThat(ids(marker + " j")).containsExactly(jose.id());
        assertThat(ids(marker + " in")).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_phone_fragment_finds_the_guardians_children() {
        String local = guardianPhone.replace(" ", "");
        assertThat(ids(guardianPhone)).containsExactly(weiMing.id());
        assertThat(allIds(local.substring(3))).contains(weiMing.id());
        assertThat(ids("+65 " + guardianPhone)).containsExactly(weiMing.id());
    }

    @Test
    @WithUserDetails("admin")
    void an_email_or_its_start_finds_the_student() {
        assertThat(ids("ethan.tan." + marker.toLowerCase() + "@example.com")).containsExactly(weiMing.id());
        assertThat(ids("ETHAN.TAN." + marker.toUpperCase() + "@")).containsExactly(weiMing.id());
    }

    @Test
    @WithUserDetails("admin")
    void the_student_number_finds_the_student_with_or_without_its_letter_and_zeros() {
        assertThat(ids(jose.studentNumber())).first().isEqualTo(jose.id());
        assertThat(ids(jose.studentNumber().toLowerCase())).first().isEqualTo(jose.id());
        String digits = String.valueOf(Long.parseLong(jose.studentNumber().substring(1)));
        assertThat(ids(digits)).contains(jose.id());
    }

    @Test
    @WithUserDetails("admin")
    void names_that_start_with_the_text_come_before_words_that_do_and_those_before_any_part() {
        String m = "Qy" + marker.substring(2);
        var ids = SystemAuthentication.call(() -> List.of(
                create(m + " Tan"), create("Abe " + m), create("B" + m.toLowerCase() + " Lee")));
        assertThat(ids(m)).containsExactlyElementsOf(ids);
    }

    @Test
    @WithUserDetails("admin")
    void a_renamed_student_is_found_by_the_new_name_and_no_longer_by_the_old() {
        String m = "Qz" + marker.substring(2);
        long id = create("Oldname " + m);
        var student = files.file(id).student();
        changes.update(id, student.version(), new StudentDraft("Freshname " + m, "Sunny", null, null, null, null,
                null, null, StudentStatus.ACTIVE, student.campusId(), Set.of()));
        assertThat(ids("oldname " + m)).isEmpty();
        assertThat(ids("freshname " + m)).containsExactly(id);
        assertThat(ids("sunny " + m)).containsExactly(id);
    }

    @Test
    @WithUserDetails("admin")
    void the_list_filters_by_status_and_sorts_by_number() {
        var paused = search.find(new StudentFilter(marker, StudentStatus.PAUSED, null, null), PageRequest.of(0, 10));
        assertThat(paused).extracting(StudentSummary::id).containsExactly(jose.id());
        var byNumber = search.find(StudentFilter.text(marker),
                PageRequest.of(0, 10, Sort.by(Sort.Order.desc("studentNumber"))));
        assertThat(byNumber).extracting(StudentSummary::id).containsExactly(aisyah.id(), jose.id(), weiMing.id());
    }

    @Test
    @WithUserDetails("admin")
    void the_list_pages_without_counting() {
        var first = search.find(StudentFilter.all(), PageRequest.of(0, 25, Sort.by("fullName")));
        assertThat(first.getContent()).hasSize(25);
        assertThat(first.hasNext()).isTrue();
        var second = search.find(StudentFilter.all(), first.nextPageable());
        assertThat(second.getContent()).doesNotContainAnyElementsOf(first.getContent());
        assertThat(first.getContent().get(0).fullName().compareToIgnoreCase(first.getContent().get(24).fullName()))
                .isLessThanOrEqualTo(0);
    }

    @Test
    @WithUserDetails("admin")
    void the_list_shows_each_familys_primary_contact() {
        var row = search.find(StudentFilter.text("wei " + marker), PageRequest.of(0, 5)).getContent().getFirst();
        assertThat(row.primaryGuardianName()).isEqualTo("Lim Mei Ling " + marker);
        assertThat(row.primaryGuardianPhone()).isEqualTo("+65" + guardianPhone.replace(" ", ""));
    }

    private long create(String fullName) {
        long orchard = StudentFixtures.campus(institution, "Orchard").id();
        return changes.create(NewStudent.withNewFamily(StudentDraft.named(fullName, orchard)).anyway()).id();
    }

    /** Every match, not only the quick search's best twenty: other tests add students too. */
    private List<Long> allIds(String text) {
        return search.find(StudentFilter.text(text), PageRequest.of(0, 1000)).map(StudentSummary::id).toList();
    }

    private List<Long> ids(String text) {
        return search.quickSearch(text, 20).stream().map(StudentSummary::id).toList();
    }
}
