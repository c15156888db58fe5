package io.campuscrm.scheduling.ui;

import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassDraft;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassLifecycle;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseDraft;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomDraft;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermDraft;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentSummary;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/** The class page without a browser: an administrator creates a class with a weekly schedule and reads a refusal. */
@CampusIntegrationTest
class ClassDetailViewIT extends SpringBrowserlessTest {

    /** A term of four weeks (four Tuesdays) well ahead of the tests' today. */
    private static final LocalDate TERM_START = TestClock.monday(60);
    private static final LocalDate TERM_END = TestClock.monday(63).plusDays(3);

    @Autowired
    ClassLifecycle lifecycle;
    @Autowired
    ClassSearch classes;
    @Autowired
    SessionService sessions;
    @Autowired
    CourseService courses;
    @Autowired
    TermService terms;
    @Autowired
    RoomService rooms;
    @Autowired
    UserService users;
    @Autowired
    InstitutionService institution;
    @Autowired
    StudentChanges studentChanges;
    @Autowired
    StudentSearch studentSearch;

    Course course;
    Term term;
    Campus orchard;
    Room room;
    TeacherOption teacher;

    @BeforeEach
    void setUp() {
        io.campuscrm.shared.security.SystemAuthentication.run(() -> {
            course = courses.create(new CourseDraft(unique("UI"), "UI course", "English", "B1", 90,
                    new BigDecimal("40.00"), true));
            term = terms.create(new TermDraft(unique("UI term"), TERM_START, TERM_END, List.of()));
            orchard = institution.campuses().stream().filter(c -> c.name().equals("Orchard")).findFirst()
                    .orElseThrow();
            room = rooms.create(new RoomDraft(orchard.id(), unique("UI room"), 16, true));
            String username = unique("ui.teacher").toLowerCase();
            var user = users.create(UserDraft.of(username, "Ui Teacher", username + "@example.org",
                    Set.of(Role.TEACHER), Set.of()), "a long enough password");
            teacher = new TeacherOption(user.id(), user.displayName());
        });
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_creates_a_class_with_a_weekly_schedule_and_sees_its_sessions() {
        navigate("classes/new", ClassDetailView.class);
        String code = fillForm("16:00", "17:30");

        assertThat($(Div.class).id("recurrence-preview").getText()).startsWith("Makes 4 sessions");
        test($(Button.class).id("save-class")).click();

        var created = classes.find(new ClassFilter(code, null, null, null, null, null), PageRequest.of(0, 5))
                .getContent();
        assertThat(created).singleElement().satisfies(c -> {
            assertThat(c.teacherNames()).containsExactly("Ui Teacher");
            assertThat(c.recurrence().weekdays()).containsExactly(TUESDAY);
        });
        assertThat(getCurrentView()).isInstanceOf(ClassDetailView.class);
        @SuppressWarnings("unchecked")
        Grid<ScheduledSession> grid = $(Grid.class).id("sessions-grid");
        assertThat(test(grid).size()).isEqualTo(4);
    }

    @Test
    @WithUserDetails("admin")
    void a_clashing_schedule_is_refused_on_the_schedule_field_naming_the_clash() {
        String otherUser = unique("ui.other").toLowerCase();
        long other = io.campuscrm.shared.security.SystemAuthentication.call(() -> users.create(UserDraft.of(
                otherUser, "Other Ui Teacher", otherUser + "@example.org", Set.of(Role.TEACHER), Set.of()),
                "a long enough password").id());
        var existing = lifecycle.create(new ClassDraft(unique("UI-K"), "Existing", course.id(), term.id(), orchard.id(),
                room.id(), 10, true, ClassStatus.RUNNING, Set.of(other), new Recurrence(Set.of(TUESDAY),
                        LocalTime.of(16, 0), LocalTime.of(17, 30), TERM_START, TERM_END)));

        navigate("classes/new", ClassDetailView.class);
        String code = fillForm("17:00", "18:00");
        test($(Button.class).id("save-class")).click();

        @SuppressWarnings("unchecked")
        CheckboxGroup<java.time.DayOfWeek> weekdays = $(CheckboxGroup.class).id("recurrence-weekdays");
        assertThat(weekdays.isInvalid()).isTrue();
        assertThat(weekdays.getErrorMessage().replace('\u202F', ' ')).isEqualTo("Room " + room.name()
                + " is already used by class " + existing.code() + " (Tue " + DateTimeFormatter.ofLocalizedDate(
                        FormatStyle.MEDIUM).withLocale(UI.getCurrent().getLocale()).format(TERM_START.plusDays(1))
                + ", 4:00 pm–5:30 pm).");
        assertThat(classes.find(new ClassFilter(code, null, null, null, null, null), PageRequest.of(0, 5)))
                .isEmpty();
    }

    /** The clash's date and times are written for the reader, not in the institution's English (ReaderLocale). */
    @Test
    @WithUserDetails("admin")
    void a_clash_shown_to_a_chinese_reader_gives_its_date_and_times_in_chinese() {
        String otherUser = unique("ui.other").toLowerCase();
        long other = io.campuscrm.shared.security.SystemAuthentication.call(() -> users.create(UserDraft.of(
                otherUser, "Other Ui Teacher", otherUser + "@example.org", Set.of(Role.TEACHER), Set.of()),
                "a long enough password").id());
        var existing = lifecycle.create(new ClassDraft(unique("UI-K"), "Existing", course.id(), term.id(), orchard.id(),
                room.id(), 10, true, ClassStatus.RUNNING, Set.of(other), new Recurrence(Set.of(TUESDAY),
                        LocalTime.of(16, 0), LocalTime.of(17, 30), TERM_START, TERM_END)));
        var chinese = Language.SIMPLIFIED_CHINESE.locale(institution.publicProfile().locale());
        UI.getCurrent().setLocale(chinese);

        navigate("classes/new", ClassDetailView.class);
        fillForm("17:00", "18:00");
        test($(Button.class).id("save-class")).click();

        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(chinese);
        assertThat(weekdaysField().getErrorMessage()).isEqualTo("教室 " + room.name() + " 已被班级 " + existing.code()
                + " 占用（周二 " + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(chinese)
                        .format(TERM_START.plusDays(1)) + "，" + time.format(LocalTime.of(16, 0)) + "–"
                + time.format(LocalTime.of(17, 30)) + "）。");
    }

    @Test
    @WithUserDetails("admin")
    void a_new_class_without_course_or_room_is_not_saved_and_each_field_says_what_to_choose() {
        navigate("classes/new", ClassDetailView.class);
        String code = fillForm("16:00", "17:30");
        courseField().clear();
        roomField().clear();
        test($(Button.class).id("save-class")).click();

        assertThat(courseField().isInvalid()).isTrue();
        assertThat(courseField().getErrorMessage()).isEqualTo("Choose the course");
        assertThat(roomField().isInvalid()).isTrue();
        assertThat(roomField().getErrorMessage()).isEqualTo("Choose the room");
        assertThat(classes.find(new ClassFilter(code, null, null, null, null, null), PageRequest.of(0, 5)))
                .isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_weekly_schedule_without_times_is_not_saved_and_the_days_say_so_only_when_saving() {
        navigate("classes/new", ClassDetailView.class);
        String code = fillForm("16:00", "17:30");
        $(TimePicker.class).id("recurrence-end").clear();
        assertThat(weekdaysField().isInvalid()).as("no message while the rule is being entered").isFalse();
        test($(Button.class).id("save-class")).click();

        assertThat(weekdaysField().isInvalid()).isTrue();
        assertThat(weekdaysField().getErrorMessage()).isEqualTo("Choose at least one day");
        assertThat(classes.find(new ClassFilter(code, null, null, null, null, null), PageRequest.of(0, 5)))
                .isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_code_another_class_has_is_refused_on_the_code_field() {
        var existing = lifecycle.create(new ClassDraft(unique("UI-D"), "Existing", course.id(), term.id(),
                orchard.id(), room.id(), 10, true, ClassStatus.PLANNED, Set.of(), null));

        navigate("classes/new", ClassDetailView.class);
        fillForm("08:00", "09:00");
        var code = $(TextField.class).id("class-code");
        test(code).setValue(existing.code().toLowerCase());
        test($(Button.class).id("save-class")).click();

        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage())
                .isEqualTo("There is already a class with the code " + existing.code().toLowerCase() + ".");
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_changes_a_class_and_its_schedule_and_teachers_stay() {
        var schoolClass = lifecycle.create(new ClassDraft(unique("UI-U"), "Before", course.id(), term.id(),
                orchard.id(), room.id(), 10, true, ClassStatus.OPEN, Set.of(teacher.id()), new Recurrence(
                        Set.of(TUESDAY), LocalTime.of(13, 0), LocalTime.of(14, 0), TERM_START, TERM_END)));

        navigate("classes/" + schoolClass.id(), ClassDetailView.class);
        test($(Button.class).id("edit-class")).click();
        assertThat(courseField().getValue()).isEqualTo(course);
        assertThat(roomField().getValue()).isEqualTo(room);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<TeacherOption> teachers = $(MultiSelectComboBox.class).id("class-teachers");
        assertThat(teachers.getValue()).containsExactly(teacher);
        assertThat(weekdaysField().getValue()).containsExactly(TUESDAY);
        test($(TextField.class).id("class-name")).setValue(" After ");
        test($(IntegerField.class).id("class-capacity")).setValue(12);
        test($(Button.class).id("save-class")).click();

        var saved = classes.get(schoolClass.id());
        assertThat(saved.name()).isEqualTo("After");
        assertThat(saved.capacity()).isEqualTo(12);
        assertThat(saved.version()).isGreaterThan(schoolClass.version());
        assertThat(saved.toDraft()).isEqualTo(new ClassDraft(schoolClass.code(), "After", course.id(), term.id(),
                orchard.id(), room.id(), 12, true, ClassStatus.OPEN, Set.of(teacher.id()), schoolClass.recurrence()));
    }

    @Test
    @WithUserDetails("admissions")
    void admissions_enrolls_a_student_on_the_class_page_but_cannot_edit_the_class() {
        var schoolClass = io.campuscrm.shared.security.SystemAuthentication.call(() -> lifecycle.create(new ClassDraft(
                unique("UI-E"), "Enrol here", course.id(), term.id(), orchard.id(), room.id(), 10, true,
                ClassStatus.OPEN, Set.of(teacher.id()), new Recurrence(Set.of(TUESDAY), LocalTime.of(9, 0),
                        LocalTime.of(10, 0), TERM_START, TERM_END))));
        String name = "Enrolee Z" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        io.campuscrm.shared.security.SystemAuthentication.run(() -> studentChanges.create(NewStudent.withNewFamily(
                StudentDraft.named(name, orchard.id())).anyway()));
        var found = studentSearch.quickSearch(name, 5);
        assertThat(found).hasSize(1);

        navigate("classes/" + schoolClass.id(), ClassDetailView.class);
        assertThat($(Button.class).withId("save-class").all()).isEmpty();
        assertThat($(Button.class).withId("edit-class").all()).isEmpty();
        navigate($(Anchor.class).id("tab-students").getHref(), ClassDetailView.class);
        @SuppressWarnings("unchecked")
        ComboBox<StudentSummary> student = $(ComboBox.class).id("enroll-student");
        student.setValue(found.getFirst());
        test($(Button.class).id("enroll")).click();

        @SuppressWarnings("unchecked")
        Grid<Enrollment> grid = $(Grid.class).id("enrollments-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).studentName()).isEqualTo(name);
        assertThat(test(grid).getRow(0).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat($(Span.class).id("class-occupancy").getText()).isEqualTo("1 of 10 places taken · 0 waiting");
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_edits_a_class_from_its_page_and_a_cancelled_edit_changes_nothing() {
        var schoolClass = lifecycle.create(new ClassDraft(unique("UI-E"), "Before", course.id(), term.id(), orchard.id(),
                room.id(), 10, true, ClassStatus.OPEN, Set.of(teacher.id()), new Recurrence(Set.of(TUESDAY),
                        LocalTime.of(13, 0), LocalTime.of(14, 0), TERM_START, TERM_END)));
        navigate("classes/" + schoolClass.id(), ClassDetailView.class);
        assertThat($(DescriptionList.class).id("class-facts").getElement().getTextRecursively()).contains("Before",
                room.name(), "Ui Teacher", "Tue");

        test($(Button.class).id("edit-class")).click();
        test($(TextField.class).id("class-name")).setValue("Not kept");
        test($(Button.class).id("cancel-class-edit")).click();
        assertThat($(DescriptionList.class).id("class-facts").getElement().getTextRecursively()).contains("Before")
                .doesNotContain("Not kept");
        assertThat(classes.get(schoolClass.id()).name()).isEqualTo("Before");

        test($(Button.class).id("edit-class")).click();
        assertThat($(TextField.class).id("class-name").getValue()).as("the form shows the class again")
                .isEqualTo("Before");
        test($(TextField.class).id("class-name")).setValue("After");
        test($(Button.class).id("save-class")).click();
        assertThat(classes.get(schoolClass.id()).name()).isEqualTo("After");
        assertThat($(DescriptionList.class).id("class-facts").getElement().getTextRecursively()).contains("After");
        assertThat($(TextField.class).withId("class-name").all()).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_class_page_builds_only_the_tab_its_address_names_and_the_others_when_first_selected() {
        var schoolClass = lifecycle.create(new ClassDraft(unique("UI-T"), "Tabbed", course.id(), term.id(), orchard.id(),
                room.id(), 10, true, ClassStatus.OPEN, Set.of(teacher.id()), new Recurrence(Set.of(TUESDAY),
                        LocalTime.of(11, 0), LocalTime.of(12, 0), TERM_START, TERM_END)));

        var view = navigate("classes/" + schoolClass.id(), ClassDetailView.class);
        assertThat($(Span.class).id("class-code-text").getText()).isEqualTo(schoolClass.code());
        assertThat($(TextField.class).withId("class-code").all()).as("read first: no form").isEmpty();
        assertThat($(Grid.class).withId("sessions-grid").all()).isEmpty();
        assertThat($(Grid.class).withId("enrollments-grid").all()).isEmpty();

        // the tab's link keeps the page (and the class it loaded) and shows the tab
        assertThat(navigate($(Anchor.class).id("tab-sessions").getHref(), ClassDetailView.class)).isSameAs(view);
        @SuppressWarnings("unchecked")
        Grid<ScheduledSession> sessionsGrid = $(Grid.class).id("sessions-grid");
        assertThat(test(sessionsGrid).size()).isEqualTo(4);
        assertThat($(Grid.class).withId("enrollments-grid").all()).isEmpty();

        navigate("classes/" + schoolClass.id() + "/students", ClassDetailView.class);
        assertThat($(Anchor.class).id("tab-students").getElement().getAttribute("aria-current")).isEqualTo("page");
        assertThat($(Grid.class).withId("enrollments-grid").all()).hasSize(1);
        assertThat($(Grid.class).withId("sessions-grid").all()).isEmpty();
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_finds_my_classes_in_the_navigation_and_sees_only_their_classes() {
        navigate("my-classes", MyClassesView.class);
        var nav = $(SideNav.class).id("main-nav");
        assertThat(nav.getItems()).extracting(SideNavItem::getPath).contains("my-classes").doesNotContain("classes");
        @SuppressWarnings("unchecked")
        Grid<ClassSummary> mine = $(Grid.class).id("my-classes-grid");
        assertThat(test(mine).size()).isPositive();
        for (int i = 0; i < test(mine).size(); i++) {
            assertThat(test(mine).getRow(i).teacherNames()).contains("Daniel Lim");
        }
    }

    @SuppressWarnings("unchecked")
    private String fillForm(String start, String end) {
        String code = unique("UI-C");
        test($(TextField.class).id("class-code")).setValue(code);
        test($(TextField.class).id("class-name")).setValue("Class from the form");
        ((ComboBox<Course>) $(ComboBox.class).id("class-course")).setValue(course);
        ((ComboBox<Term>) $(ComboBox.class).id("class-term")).setValue(term);
        ((ComboBox<Campus>) $(ComboBox.class).id("class-campus")).setValue(orchard);
        ((ComboBox<Room>) $(ComboBox.class).id("class-room")).setValue(room);
        test($(IntegerField.class).id("class-capacity")).setValue(10);
        ((ComboBox<ClassStatus>) $(ComboBox.class).id("class-status")).setValue(ClassStatus.OPEN);
        ((MultiSelectComboBox<TeacherOption>) $(MultiSelectComboBox.class).id("class-teachers"))
                .setValue(Set.of(teacher));
        ((CheckboxGroup<java.time.DayOfWeek>) $(CheckboxGroup.class).id("recurrence-weekdays"))
                .setValue(Set.of(TUESDAY));
        $(TimePicker.class).id("recurrence-start").setValue(LocalTime.parse(start));
        $(TimePicker.class).id("recurrence-end").setValue(LocalTime.parse(end));
        assertThat($(DatePicker.class).id("recurrence-from").getValue()).isEqualTo(term.startsOn());
        assertThat($(DatePicker.class).id("recurrence-to").getValue()).isEqualTo(term.endsOn());
        return code;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Course> courseField() {
        return $(ComboBox.class).id("class-course");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Room> roomField() {
        return $(ComboBox.class).id("class-room");
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<java.time.DayOfWeek> weekdaysField() {
        return $(CheckboxGroup.class).id("recurrence-weekdays");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
