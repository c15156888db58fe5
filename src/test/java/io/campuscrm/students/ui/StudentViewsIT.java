package io.campuscrm.students.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.ui.DashboardView;
import io.campuscrm.shared.ui.NotFoundView;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.GuardianView;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDetails;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentFiles;
import io.campuscrm.students.StudentFilter;
import io.campuscrm.students.StudentNoteService;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentStatus;
import io.campuscrm.students.StudentSummary;
import io.campuscrm.support.CampusIntegrationTest;

/** The student list and file without a browser: searching, opening, editing, adding, and what each role sees. */
@CampusIntegrationTest
class StudentViewsIT extends SpringBrowserlessTest {

    @Autowired
    StudentChanges changes;
    @Autowired
    StudentFiles files;
    @Autowired
    StudentSearch search;
    @Autowired
    StudentNoteService notes;
    @Autowired
    InstitutionService institution;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admissions")
    void the_list_finds_a_student_by_part_of_the_name_and_opens_the_file() {
        String marker = marker();
        var created = create("Tan Wei Ming " + marker, "陈伟明");
        var view = navigate(StudentsView.class);
        @SuppressWarnings("unchecked")
        Grid<StudentSummary> grid = $(Grid.class, view).id("students-grid");
        assertThat(test(grid).size()).isGreaterThan(0);

        test($(TextField.class, view).id("students-search")).setValue("wei " + marker);
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).studentNumber()).isEqualTo(created.studentNumber());

        test(grid).clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(StudentFileView.class);
        assertThat($(H2.class).id("student-name").getText()).isEqualTo("Tan Wei Ming " + marker);
        assertThat($(Span.class).id("student-number").getText()).isEqualTo(created.studentNumber());
        assertThat($(Span.class).id("primary-contact").getElement().getTextRecursively()).contains("Mum " + marker);
    }

    @Test
    @WithUserDetails("admin")
    void the_list_filters_by_status() {
        String marker = marker();
        create("Active " + marker, null);
        var paused = SystemAuthentication.call(() -> {
            var s = create("Paused " + marker, null);
            return changes.update(s.id(), s.version(), s.toDraft().withStatus(StudentStatus.PAUSED));
        });
        var view = navigate(StudentsView.class);
        test($(TextField.class, view).id("students-search")).setValue(marker);
        @SuppressWarnings("unchecked")
        ComboBox<StudentStatus> status = $(ComboBox.class, view).id("students-status");
        test(status).selectItem("Paused");
        @SuppressWarnings("unchecked")
        Grid<StudentSummary> grid = $(Grid.class, view).id("students-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).id()).isEqualTo(paused.id());
    }

    @Test
    @WithUserDetails("admin")
    void in_chinese_the_list_is_by_name_in_pinyin_order_and_the_name_column_sorts_that_way_too() {
        String tag = "pinyin-" + UUID.randomUUID().toString().substring(0, 8);
        SystemAuthentication.run(() -> {
            createTagged("Wei Zhang", "张伟", tag);
            createTagged("Aaron Tan", null, tag);
            createTagged("Na Li", "李娜", tag);
            createTagged("Jing Chen", "陈静", tag);
            createTagged("刘洋", null, tag);
        });
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        var view = navigate(StudentsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> tags = $(ComboBox.class, view).id("students-tag");
        tags.setValue(tag);
        @SuppressWarnings("unchecked")
        Grid<StudentSummary> grid = $(Grid.class, view).id("students-grid");

        // chen, li, liu, zhang by the Chinese names (or the full name), the Latin-only name after them
        assertThat(names(grid)).containsExactly("Jing Chen", "Na Li", "刘洋", "Wei Zhang", "Aaron Tan");
        test(grid).sortByColumn("name", SortDirection.DESCENDING);
        assertThat(names(grid)).containsExactly("Aaron Tan", "Wei Zhang", "刘洋", "Na Li", "Jing Chen");
        test(grid).sortByColumn("name", SortDirection.ASCENDING);
        assertThat(names(grid)).containsExactly("Jing Chen", "Na Li", "刘洋", "Wei Zhang", "Aaron Tan");
    }

    @Test
    @WithUserDetails("admissions")
    void opening_a_file_is_audited_and_an_edit_is_saved_from_the_details_tab() {
        String marker = marker();
        var created = create("Edit Me " + marker, null);
        navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        assertThat($(TextField.class).withId("student-preferred-name").all()).as("read first").isEmpty();
        test($(Button.class).id("edit-student")).click();
        test($(TextField.class).id("student-preferred-name")).setValue("Eddie");
        test($(EmailField.class).id("student-email")).setValue("Eddie." + marker + "@Example.com");
        test($(Button.class).id("save-student")).click();

        var saved = search.reference(created.id()).orElseThrow();
        assertThat(saved.displayName()).isEqualTo("Edit Me " + marker + " (Eddie)");
        assertThat($(H2.class).id("student-name").getText()).endsWith("(Eddie)");
        var reads = SystemAuthentication.call(() -> auditLog.search(new AuditFilter("admissions", "Student",
                String.valueOf(created.id()), AuditAction.READ, null, null), PageRequest.of(0, 10)));
        assertThat(reads.getContent()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @WithUserDetails("admissions")
    void an_edit_keeps_the_fields_it_did_not_change_and_saves_a_cleared_one_as_none() {
        String marker = marker();
        var created = SystemAuthentication.call(() -> changes.create(NewStudent.withNewFamily(new StudentDraft(
                "Kept Fields " + marker, "Ah Boy", "陈伟明", LocalDate.of(2013, 4, 2), null,
                "kept." + marker.toLowerCase() + "@example.com", "Raffles Primary", "P5", StudentStatus.ACTIVE,
                orchard(), Set.of("piano")), guardian("Mum " + marker)).anyway()));
        navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        test($(Button.class).id("edit-student")).click();
        assertThat($(TextField.class).id("student-preferred-name").getValue()).isEqualTo("Ah Boy");
        test($(TextField.class).id("student-preferred-name")).setValue("");
        test($(TextField.class).id("student-chinese-name")).setValue("  陈小明  ");
        test($(Button.class).id("save-student")).click();

        var saved = files.file(created.id()).student();
        assertThat(saved.preferredName()).as("cleared: none, not an empty name").isNull();
        assertThat(saved.chineseName()).isEqualTo("陈小明");
        assertThat(saved.toDraft()).usingRecursiveComparison().ignoringFields("preferredName", "chineseName")
                .isEqualTo(created.toDraft());
    }

    @Test
    @WithUserDetails("admissions")
    void an_invalid_email_in_the_details_form_is_not_saved_and_the_email_field_says_so() {
        var created = create("Bad Mail " + marker(), null);
        navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        test($(Button.class).id("edit-student")).click();
        var email = $(EmailField.class).id("student-email");
        test(email).setValue("eddie at example.com");
        test($(Button.class).id("save-student")).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address");
        assertUnchanged(created);
    }

    @Test
    @WithUserDetails("admissions")
    void a_phone_the_service_refuses_is_shown_on_the_students_phone_field_and_nothing_is_saved() {
        var created = create("Bad Phone " + marker(), null);
        navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        test($(Button.class).id("edit-student")).click();
        var phone = $(TextField.class).id("student-phone");
        test(phone).setValue("12345");
        test($(Button.class).id("save-student")).click();

        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage())
                .isEqualTo("12345 is not a valid phone number. Add the country code (+…) for a number from abroad.");
        assertUnchanged(created);
    }

    @Test
    @WithUserDetails("admissions")
    void cancelling_an_edit_of_the_details_discards_what_was_typed() {
        var created = create("Cancelled " + marker(), null);
        navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        test($(Button.class).id("edit-student")).click();
        test($(TextField.class).id("student-preferred-name")).setValue("Eddie");
        test($(Button.class).id("cancel-student-edit")).click();

        assertThat($(TextField.class).withId("student-preferred-name").all()).as("read again").isEmpty();
        assertThat($(DescriptionList.class).id("student-facts-list").getElement().getTextRecursively())
                .doesNotContain("Eddie");
        assertUnchanged(created);
        test($(Button.class).id("edit-student")).click();
        assertThat($(TextField.class).id("student-preferred-name").getValue()).isEmpty();
    }

    @Test
    @WithUserDetails("admissions")
    void the_url_selects_the_tab_and_notes_are_added_there() {
        var created = create("Noted " + marker(), null);
        navigate(StudentNavigation.file(created.id(), "notes"), StudentFileView.class);
        assertThat($(Anchor.class).id("tab-notes").getElement().getAttribute("aria-current")).isEqualTo("page");
        test($(TextArea.class).id("note-body")).setValue("Prefers afternoon classes");
        test($(Button.class).id("add-note")).click();
        assertThat(notes.notes(created.id(), PageRequest.of(0, 5)).getContent()).singleElement()
                .satisfies(n -> assertThat(n.body()).isEqualTo("Prefers afternoon classes"));
        assertThat($(Anchor.class).id("tab-enrollments").getText()).isEqualTo("Enrollments");
    }

    @Test
    @WithUserDetails("admissions")
    void a_file_builds_only_its_visible_tab_and_the_others_when_first_selected() {
        var created = create("Lazy Tabs " + marker(), null);
        var view = navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        // the view is created on every open: a method-security proxy around it cost half the server's time
        assertThat(AopUtils.isAopProxy(view)).as("the view, not a proxy").isFalse();
        assertThat($(DescriptionList.class).id("student-facts-list").getElement().getTextRecursively()).contains("Lazy Tabs ");
        assertThat($(Grid.class).withId("documents-grid").all()).isEmpty();
        assertThat($(Div.class).withId("notes").all()).isEmpty();
        assertThat($(Grid.class).withId("student-enrollments").all()).isEmpty();
        long reads = fileReads(created.id());

        // the tab's link: the same view, on the documents tab, without loading (and auditing) the file again
        assertThat(navigate($(Anchor.class).id("tab-documents").getHref(), StudentFileView.class)).isSameAs(view);
        assertThat($(Grid.class).withId("documents-grid").all()).hasSize(1);
        assertThat($(Div.class).withId("notes").all()).isEmpty();
        assertThat(fileReads(created.id())).isEqualTo(reads);
        assertThat(navigate($(Anchor.class).id("tab-details").getHref(), StudentFileView.class)).isSameAs(view);
        assertThat($(DescriptionList.class).id("student-facts-list").isVisible()).isTrue();
        assertThat($(Grid.class).withId("documents-grid").all()).as("the documents tab, hidden").isEmpty();
    }

    @Test
    @WithUserDetails("admissions")
    void a_new_student_is_created_from_the_dialog_and_a_known_guardian_phone_offers_the_sibling_link() {
        String marker = marker();
        var elder = create("Elder " + marker, null);
        String mumPhone = files.file(elder.id()).family().guardians().getFirst().phone();

        var view = navigate(StudentsView.class);
        test($(Button.class, view).id("new-student")).click();
        test($(TextField.class).id("student-full-name")).setValue("Younger " + marker);
        test($(TextField.class).id("guardian1-name")).setValue("Mum " + marker);
        test($(TextField.class).id("guardian1-phone")).setValue(mumPhone);
        test($(Button.class).id("save-new-student")).click();

        var guardianId = files.file(elder.id()).family().guardians().getFirst().id();
        test($(Button.class).id("link-family-" + elder.familyId() + "-guardian-" + guardianId)).click();

        var younger = search.find(StudentFilter.text("younger " + marker), PageRequest.of(0, 5)).getContent();
        assertThat(younger).singleElement().satisfies(s -> assertThat(s.familyId()).isEqualTo(elder.familyId()));
        assertThat(getCurrentView()).isInstanceOf(StudentFileView.class);
    }

    @Test
    @WithUserDetails("admissions")
    void a_guardian_phone_the_service_refuses_in_the_new_student_dialog_is_shown_on_that_guardians_field() {
        String marker = marker();
        navigate(StudentsView.class);
        test($(Button.class).id("new-student")).click();
        test($(TextField.class).id("student-full-name")).setValue("No Phone " + marker);
        test($(TextField.class).id("guardian1-name")).setValue("Mum " + marker);
        var phone = $(TextField.class).id("guardian1-phone");
        test(phone).setValue("12345");
        test($(Button.class).id("save-new-student")).click();

        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("12345 is not a valid phone number.");
        assertThat(search.find(StudentFilter.text(marker), PageRequest.of(0, 5))).isEmpty();
    }

    @Test
    @WithUserDetails("admissions")
    void an_invalid_guardian_email_in_the_new_student_dialog_is_not_saved_and_the_field_says_so() {
        String marker = marker();
        navigate(StudentsView.class);
        test($(Button.class).id("new-student")).click();
        test($(TextField.class).id("student-full-name")).setValue("No Mail " + marker);
        test($(TextField.class).id("guardian1-name")).setValue("Mum " + marker);
        var email = $(EmailField.class).id("guardian1-email");
        test(email).setValue("mum at example.com");
        test($(Button.class).id("save-new-student")).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address");
        assertThat(search.find(StudentFilter.text(marker), PageRequest.of(0, 5))).isEmpty();
    }

    @Test
    @WithUserDetails("admissions")
    void a_guardians_new_email_is_saved_from_the_family_tab_and_the_rest_is_kept() {
        String marker = marker();
        var created = create("Guardian Mail " + marker, null);
        var before = files.file(created.id()).family().guardians().getFirst();
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        editFirstGuardian();
        assertThat($(TextField.class).id("guardian-name").getValue()).isEqualTo(before.fullName());
        test($(EmailField.class).id("guardian-email")).setValue("Mum." + marker + "@Example.com");
        test($(Button.class).id("save-guardian")).click();

        var saved = files.file(created.id()).family().guardians().getFirst();
        assertThat(saved.email()).isEqualTo("mum." + marker.toLowerCase() + "@example.com");
        assertThat(saved.toDraft()).usingRecursiveComparison().ignoringFields("email").isEqualTo(before.toDraft());
    }

    @Test
    @WithUserDetails("admissions")
    void a_guardian_phone_the_service_refuses_is_shown_on_the_phone_field_of_the_guardian_dialog() {
        var created = create("Guardian Phone " + marker(), null);
        var before = files.file(created.id()).family().guardians().getFirst();
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        editFirstGuardian();
        var phone = $(TextField.class).id("guardian-phone");
        test(phone).setValue("12345");
        test($(Button.class).id("save-guardian")).click();

        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("12345 is not a valid phone number.");
        assertThat(files.file(created.id()).family().guardians()).containsExactly(before);
    }

    @Test
    @WithUserDetails("admissions")
    void an_invalid_email_of_a_new_guardian_is_not_saved_and_the_email_field_says_so() {
        var created = create("New Guardian " + marker(), null);
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        test($(Button.class).id("add-guardian")).click();
        test($(TextField.class).id("guardian-name")).setValue("Dad");
        var email = $(EmailField.class).id("guardian-email");
        test(email).setValue("dad at example.com");
        test($(Button.class).id("save-guardian")).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address");
        assertThat(files.file(created.id()).family().guardians()).hasSize(1);
    }

    @Test
    @WithUserDetails("admissions")
    void cancelling_the_guardian_dialog_discards_what_was_typed() {
        var created = create("Guardian Cancel " + marker(), null);
        var before = files.file(created.id()).family().guardians().getFirst();
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        editFirstGuardian();
        test($(TextField.class).id("guardian-name")).setValue("Someone Else");
        test($(Button.class).withText("Cancel").single()).click();

        assertThat(files.file(created.id()).family().guardians()).containsExactly(before);
        editFirstGuardian();
        assertThat($(TextField.class).id("guardian-name").getValue()).isEqualTo(before.fullName());
    }

    @Test
    @WithUserDetails("admissions")
    void a_familys_preferred_language_is_chosen_on_the_family_tab_and_kept() {
        var created = create("Family Language " + marker(), null);
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        @SuppressWarnings("unchecked")
        Select<Language> language = $(Select.class).id("family-language");
        assertThat(language.getValue()).as("the institution's until chosen").isNull();
        language.setValue(Language.SIMPLIFIED_CHINESE);
        test($(Button.class).id("save-family")).click();

        assertThat(files.file(created.id()).family().preferredLanguage()).isEqualTo(Language.SIMPLIFIED_CHINESE);
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        @SuppressWarnings("unchecked")
        Select<Language> reopened = $(Select.class).id("family-language");
        assertThat(reopened.getValue()).isEqualTo(Language.SIMPLIFIED_CHINESE);
    }

    @Test
    @WithUserDetails("admissions")
    void a_guardian_reads_the_familys_language_until_given_their_own_in_the_guardian_dialog() {
        var created = create("Guardian Language " + marker(), null);
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        @SuppressWarnings("unchecked")
        Select<Language> family = $(Select.class).id("family-language");
        family.setValue(Language.SIMPLIFIED_CHINESE);
        test($(Button.class).id("save-family")).click();
        editFirstGuardian();
        @SuppressWarnings("unchecked")
        Select<Language> language = $(Select.class).id("guardian-language");
        assertThat(language.getValue()).as("the family's until chosen").isNull();
        language.setValue(Language.ENGLISH);
        test($(Button.class).id("save-guardian")).click();

        var saved = files.file(created.id()).family();
        var guardian = saved.guardians().getFirst();
        assertThat(guardian.preferredLanguage()).isEqualTo(Language.ENGLISH);
        assertThat(saved.languageFor(guardian)).contains(Language.ENGLISH);
        var familyReader = new GuardianView(0, saved.id(), "Other", GuardianRelationship.FATHER, null, null, null,
                false, 0);
        assertThat(saved.languageFor(familyReader)).as("a guardian without one").contains(Language.SIMPLIFIED_CHINESE);
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        @SuppressWarnings("unchecked")
        Grid<GuardianView> grid = $(Grid.class).id("guardians-grid");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("English");
        editFirstGuardian();
        @SuppressWarnings("unchecked")
        Select<Language> reopened = $(Select.class).id("guardian-language");
        assertThat(reopened.getValue()).isEqualTo(Language.ENGLISH);
    }

    @Test
    @WithUserDetails("admissions")
    void an_empty_family_name_is_refused_on_its_field_and_nothing_is_saved() {
        var created = create("Family Name " + marker(), null);
        String before = files.file(created.id()).family().displayName();
        navigate(StudentNavigation.file(created.id(), "family"), StudentFileView.class);
        var name = $(TextField.class).id("family-name");
        assertThat(name.getValue()).isEqualTo(before);
        test(name).setValue("  ");
        test($(Button.class).id("save-family")).click();

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter the family's name, e.g. the primary guardian's.");
        assertThat(files.file(created.id()).family().displayName()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admissions")
    void a_cleared_status_says_what_to_choose() {
        var created = create("No Status " + marker(), null);
        navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        test($(Button.class).id("edit-student")).click();
        @SuppressWarnings("unchecked")
        ComboBox<StudentStatus> status = $(ComboBox.class).id("student-status");
        status.clear();
        test($(Button.class).id("save-student")).click();

        assertThat(status.isInvalid()).isTrue();
        assertThat(status.getErrorMessage()).isEqualTo("Choose the student's status");
        assertThat(files.file(created.id()).student().status()).isEqualTo(StudentStatus.ACTIVE);
    }

    @Test
    @WithUserDetails("admin")
    void the_demo_has_families_reading_chinese_and_families_reading_english() {
        var counts = jdbc.queryForMap("SELECT SUM(preferred_language = 'zh-CN') AS zh, SUM(preferred_language = 'en')"
                + " AS en, SUM(preferred_language IS NULL) AS school FROM family");
        assertThat(((Number) counts.get("zh")).longValue()).isPositive();
        assertThat(((Number) counts.get("en")).longValue()).isPositive();
        assertThat(((Number) counts.get("school")).longValue()).isPositive();
        var guardians = jdbc.queryForMap("SELECT SUM(g.preferred_language = 'zh-CN') AS zh,"
                + " SUM(g.preferred_language = 'en') AS en FROM guardian g JOIN family f ON f.id = g.family_id"
                + " WHERE f.preferred_language IS NULL");
        assertThat(((Number) guardians.get("zh")).longValue()).as("mothers reading Chinese").isPositive();
        assertThat(((Number) guardians.get("en")).longValue()).as("fathers reading English").isPositive();
    }

    @Test
    @WithUserDetails("finance")
    void finance_reads_a_file_without_edit_buttons() {
        var created = SystemAuthentication.call(() -> create("Read Only " + marker(), null));
        var view = navigate(StudentsView.class);
        assertThat($(Button.class, view).withId("new-student").all()).isEmpty();
        assertThat(view.getElement().getTextRecursively()).doesNotContain("Import");
        navigate(StudentNavigation.file(created.id()), StudentFileView.class);
        assertThat($(Button.class).withId("edit-student").all()).isEmpty();
        assertThat($(Button.class).withId("save-student").all()).isEmpty();
        assertThat($(TextField.class).withId("student-full-name").all()).isEmpty();
        assertThat($(DescriptionList.class).id("student-facts-list").getElement().getTextRecursively()).contains("Read Only ");
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_finds_only_the_students_of_their_classes_and_cannot_open_another_file() {
        var created = SystemAuthentication.call(() -> create("Hidden " + marker(), null));
        var view = navigate(StudentsView.class);
        @SuppressWarnings("unchecked")
        Grid<StudentSummary> grid = $(Grid.class, view).id("students-grid");
        // The scheduling module names the demo teacher's students: those enrolled in or waiting for their classes.
        assertThat(test(grid).size()).isPositive();
        for (int i = 0; i < test(grid).size(); i++) {
            assertThat(test(grid).getRow(i).id()).isNotEqualTo(created.id());
        }
        navigate(StudentNavigation.file(created.id()), NotFoundView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Not found");
        navigate(StudentNavigation.file(Long.MAX_VALUE), NotFoundView.class);
    }

    @Test
    @WithUserDetails("admissions")
    void admissions_see_the_students_card_on_the_dashboard() {
        navigate("", DashboardView.class);
        var card = $(Div.class).id("students-card");
        assertThat(card.getElement().getTextRecursively()).contains("Active students").contains("new this month");
    }

    @Test
    @WithUserDetails("finance")
    void finance_does_not_get_the_admissions_card() {
        navigate("", DashboardView.class);
        assertThat($(Div.class).withId("students-card").all()).isEmpty();
    }

    private StudentDetails create(String name, String chinese) {
        long orchard = orchard();
        return SystemAuthentication.call(() -> changes.create(NewStudent.withNewFamily(new StudentDraft(name, null,
                chinese, LocalDate.of(2014, 1, 1), null, null, null, null, StudentStatus.ACTIVE, orchard, Set.of()),
                guardian("Mum " + name.substring(name.lastIndexOf(' ') + 1))).anyway()));
    }

    private long orchard() {
        return SystemAuthentication.call(() -> institution.campuses().stream()
                .filter(c -> c.name().equals("Orchard")).findFirst().orElseThrow().id());
    }

    private static GuardianDraft guardian(String name) {
        String phone = String.format("98%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000));
        return new GuardianDraft(name, GuardianRelationship.MOTHER, phone, null, null, true);
    }

    /** The family tab's first guardian in the guardian dialog. */
    private void editFirstGuardian() {
        @SuppressWarnings("unchecked")
        Grid<GuardianView> guardians = $(Grid.class).id("guardians-grid");
        var actions = (HorizontalLayout) test(guardians).getCellComponent(0, 6);
        test((Button) actions.getComponentAt(0)).click();
    }

    /** The student as created: the same fields, and no save since (the version). */
    private void assertUnchanged(StudentDetails created) {
        var now = files.file(created.id()).student();
        assertThat(now.toDraft()).isEqualTo(created.toDraft());
        assertThat(now.version()).isEqualTo(created.version());
    }

    private void createTagged(String name, @Nullable String chinese, String tag) {
        long orchard = institution.campuses().stream().filter(c -> c.name().equals("Orchard")).findFirst()
                .orElseThrow().id();
        changes.create(NewStudent.withNewFamily(new StudentDraft(name, null, chinese, null, null, null, null, null,
                StudentStatus.ACTIVE, orchard, Set.of(tag))).anyway());
    }

    private List<String> names(Grid<StudentSummary> grid) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < test(grid).size(); i++) {
            names.add(test(grid).getRow(i).fullName());
        }
        return names;
    }

    private static String marker() {
        StringBuilder letters = new StringBuilder("Vw");
        for (char c : UUID.randomUUID().toString().substring(0, 6).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    private long fileReads(long studentId) {
        return SystemAuthentication.call(() -> auditLog.search(new AuditFilter(null, "Student",
                String.valueOf(studentId), AuditAction.READ, null, null), PageRequest.of(0, 50)).getNumberOfElements());
    }
}
