package io.campuscrm.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.Colleague;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.ui.NotFoundView;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The timetable view without a browser, on the demo data (its current term contains the tests' today; last week is a
 * week of it with lessons): who lands where, what each user may see, and the URL as the truth.
 */
@CampusIntegrationTest
class TimetableViewIT extends SpringBrowserlessTest {

    private static final LocalDate DEMO_WEEK = TestClock.monday(-1);

    @Autowired
    TimetableService timetables;
    @Autowired
    UserService users;
    @Autowired
    ClassSearch classes;
    @Autowired
    RoomService rooms;
    @Autowired
    InstitutionService institution;

    @Test
    @WithUserDetails("teacher")
    void a_teacher_lands_on_their_own_timetable_and_sees_their_sessions_of_the_week() {
        long daniel = teacherNamed("Daniel Lim");
        navigate(TimetableView.class);

        assertThat(query()).containsEntry("scope", List.of("teacher")).containsEntry("id", List.of("" + daniel));
        assertThat(kind().getValue()).isEqualTo(TimetableKind.TEACHER);
        assertThat(subject().getValue().label()).isEqualTo("Daniel Lim");
        var thisWeek = timetables.sessionsBetween(TimetableScope.teacher(daniel), timetable().getWeek(),
                timetable().getWeek().plusDays(7));
        assertThat(blockIds()).hasSameSizeAs(thisWeek);

        open("teacher", daniel, DEMO_WEEK.plusDays(2).toString());
        var demoWeek = timetables.sessionsBetween(TimetableScope.teacher(daniel), DEMO_WEEK, DEMO_WEEK.plusDays(7));
        assertThat(demoWeek).isNotEmpty();
        assertThat(blockIds()).containsExactlyInAnyOrderElementsOf(
                demoWeek.stream().map(s -> String.valueOf(s.sessionId())).toList());
        assertThat(blockTitles()).containsAll(demoWeek.stream().map(ScheduledSession::classCode).toList());
        assertThat(shown(Anchor.class, "timetable-print")).isTrue();
        assertThat(shown(Paragraph.class, "timetable-message")).isFalse();
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_asking_for_another_teachers_timetable_gets_the_not_found_page_as_for_a_missing_one() {
        long other = SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 200))
                .stream().filter(c -> !c.teacherNames().contains("Daniel Lim")).findFirst()
                .map(c -> classes.get(c.id()).teacherIds().iterator().next()).orElseThrow());

        for (long id : List.of(other, Long.MAX_VALUE)) {
            open("teacher", id, DEMO_WEEK.toString());
            assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
            assertThat($(com.vaadin.flow.component.html.H2.class).first().getText()).isEqualTo("Not found");
            assertThat(blockIds()).isEmpty();
        }
    }

    @Test
    @WithUserDetails("admin")
    void the_url_holds_scope_subject_and_week_and_week_navigation_writes_them_back() {
        Room room = rooms.find(RoomFilter.all(), PageRequest.of(0, 1)).getContent().getFirst();
        open("room", room.id(), DEMO_WEEK.plusDays(2).toString());

        assertThat(kind().getValue()).isEqualTo(TimetableKind.ROOM);
        assertThat(subject().getValue().id()).isEqualTo(room.id());
        assertThat(timetable().getWeek()).isEqualTo(DEMO_WEEK);
        var sessions = timetables.sessionsBetween(TimetableScope.room(room.id()), DEMO_WEEK, DEMO_WEEK.plusDays(7));
        assertThat(blockIds()).hasSameSizeAs(sessions);

        test($(Button.class).id("timetable-next")).click();

        assertThat(query()).containsEntry("scope", List.of("room")).containsEntry("id", List.of("" + room.id()))
                .containsEntry("week", List.of(DEMO_WEEK.plusWeeks(1).toString()));
        assertThat(timetable().getWeek()).isEqualTo(DEMO_WEEK.plusWeeks(1));

        ClassSummary schoolClass = classes.find(ClassFilter.all(), PageRequest.of(0, 1)).getContent().getFirst();
        test(kind()).selectItem("Class");
        assertThat(blockIds()).as("nothing until a class is chosen").isEmpty();
        test(subject()).setFilter(schoolClass.code());
        test(subject()).selectItem(schoolClass.code() + " — " + schoolClass.name());

        assertThat(query()).containsEntry("scope", List.of("class"))
                .containsEntry("id", List.of("" + schoolClass.id())).containsEntry("week", List.of(DEMO_WEEK.plusWeeks(1).toString()));
        assertThat(blockTitles()).containsOnly(schoolClass.code());
    }

    @Test
    @WithUserDetails("admissions")
    void a_campus_limited_user_lands_on_their_campus_and_is_refused_the_others() {
        List<Campus> campuses = institution.campuses();
        Campus orchard = campuses.getFirst();
        Campus tampines = campuses.getLast();
        navigate(TimetableView.class);

        assertThat(query()).containsEntry("scope", List.of("campus")).containsEntry("id", List.of("" + orchard.id()));
        assertThat(test(subject()).getSuggestionItems()).extracting(SubjectOption::label)
                .containsExactly(orchard.name());
        var orchardClasses = SystemAuthentication.call(() -> classes.find(
                new ClassFilter(null, orchard.id(), null, null, null, null), PageRequest.of(0, 500))
                .map(ClassSummary::code).toList());
        open("campus", orchard.id(), DEMO_WEEK.toString());
        assertThat(blockTitles()).isNotEmpty().allSatisfy(code -> assertThat(orchardClasses).contains(code));

        open("campus", tampines.id(), DEMO_WEEK.toString());
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(blockIds()).isEmpty();

        Room tampinesRoom = SystemAuthentication.call(() -> rooms.find(new RoomFilter(tampines.id(), null, true),
                PageRequest.of(0, 1)).getContent().getFirst());
        open("room", tampinesRoom.id(), DEMO_WEEK.toString());
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(blockIds()).isEmpty();
    }

    /** Whether the component is there and visible (queries find only visible ones). */
    private boolean shown(Class<? extends com.vaadin.flow.component.Component> type, String id) {
        return $(type).all().stream().anyMatch(c -> c.getId().filter(id::equals).isPresent());
    }

    /** As a typed or bookmarked address would open it. */
    private static void open(String scope, long id, String week) {
        UI.getCurrent().navigate(TimetableView.class, QueryParameters.simple(Map.of("scope", scope, "id", "" + id,
                "week", week)));
    }

    private long teacherNamed(String name) {
        return users.colleagues(Role.TEACHER, name, PageRequest.of(0, 1)).getContent().stream()
                .mapToLong(Colleague::id).findFirst().orElseThrow();
    }

    private static Map<String, List<String>> query() {
        QueryParameters parameters = UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters();
        return parameters.getParameters();
    }

    @SuppressWarnings("unchecked")
    private Select<TimetableKind> kind() {
        return $(Select.class).id("timetable-kind");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<SubjectOption> subject() {
        return $(ComboBox.class).id("timetable-subject");
    }

    private io.campuscrm.shared.ui.WeekTimetable timetable() {
        return $(io.campuscrm.shared.ui.WeekTimetable.class).id("timetable");
    }

    private List<Div> blocks() {
        return $(Div.class).all().stream().filter(d -> d.hasClassName("tt-block")).toList();
    }

    private List<String> blockIds() {
        return blocks().stream().map(b -> b.getElement().getAttribute("data-block-id")).toList();
    }

    private List<String> blockTitles() {
        return blocks().stream().flatMap(b -> b.getChildren())
                .filter(c -> c.getElement().getClassList().contains("tt-block-title"))
                .map(c -> c.getElement().getText()).toList();
    }
}
