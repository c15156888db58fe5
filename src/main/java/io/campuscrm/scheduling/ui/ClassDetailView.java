package io.campuscrm.scheduling.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ClassLifecycle;
import io.campuscrm.scheduling.ClassSchedule;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.SchedulingNavigation;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.DetailTabs;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ReportsNavigation;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.StudentSearch;

import jakarta.annotation.security.RolesAllowed;

/**
 * One class: {@code classes/new} creates one, {@code classes/42} shows class 42 in tabs: the class itself
 * ({@code classes/42}), its students ({@code classes/42/students}) and its sessions ({@code classes/42/sessions}),
 * each built and loaded when first shown (decision 0051); the URL follows the tab. Administrators edit the class and
 * its weekly schedule and move, cancel or add sessions; others read it. Refusals (a clash, a room too small) are shown
 * on the field they concern, naming the clash. A new class opens on its sessions, to show what its schedule made.
 */
@Route(SchedulingNavigation.CLASSES + "/:id/:tab?")
@RolesAllowed({"ADMIN", "ADMISSIONS", "FINANCE", "TEACHER"})
class ClassDetailView extends VerticalLayout implements BeforeEnterObserver, LocalizedTitle {

    /** The first tab's key: its URL is the class's own, {@code classes/42}. */
    private static final String DETAILS = "details";

    private final ClassSearch classes;
    private final ClassSchedule schedule;
    private final ClassLifecycle lifecycle;
    private final SessionService sessions;
    private final RoomService rooms;
    private final CourseService courses;
    private final UserService users;
    private final ClassForm form;
    private final List<Term> terms;
    private final List<Campus> campuses;
    private final boolean admin;
    private final LocalDate today;
    private final Button save = ServiceErrors.primary(getTranslation("action.save"));
    private final Button printRoster = new Button(getTranslation("class.print-roster"), VaadinIcon.PRINT.create());
    private final Button printSheet = new Button(getTranslation("class.print-attendance-sheet"),
            VaadinIcon.CALENDAR_USER.create());
    private final boolean printsRosters;
    private final Div warnings = new Div();
    /** The class's own fields: the page for a new class, the first tab of an existing one. */
    private final VerticalLayout details = new VerticalLayout();
    private final HorizontalLayout top;
    private final EnrollmentService enrollments;
    private final StudentSearch students;
    private final boolean enrolls;
    private @Nullable ClassDetails current;
    private @Nullable DetailTabs tabs;

    ClassDetailView(ClassSearch classes, ClassSchedule schedule, ClassLifecycle lifecycle, SessionService sessions,
            CourseService courses, RoomService rooms, TermService termService, InstitutionService institution,
            UserService users, CurrentUser currentUser, EnrollmentService enrollments, StudentSearch students,
            Clock clock) {
        this.enrollments = enrollments;
        this.students = students;
        this.enrolls = currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
        this.classes = classes;
        this.schedule = schedule;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.rooms = rooms;
        this.courses = courses;
        this.users = users;
        this.admin = currentUser.hasRole(Role.ADMIN);
        this.today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        this.terms = termService.find(PageRequest.of(0, 200)).getContent();
        var mine = currentUser.principal().map(CampusPrincipal::campusIds).orElse(java.util.Set.of());
        this.campuses = institution.campuses().stream().filter(c -> mine.isEmpty() || mine.contains(c.id()))
                .toList();
        this.form = new ClassForm(schedule, courses, rooms, terms, campuses, query -> admin
                ? users.findUsers(new UserFilter(query.getFilter().orElse(null), Role.TEACHER, true),
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream()
                        .map(u -> new TeacherOption(u.id(), u.displayName()))
                : current == null ? java.util.stream.Stream.empty() : teacherOptions(current.teacherIds()).stream()
                        .skip(query.getOffset()).limit(query.getLimit()),
                ids -> new LinkedHashSet<>(teacherOptions(ids)));
        setMaxWidth("72rem");
        var back = new Button(getTranslation("class.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(admin || !currentUser.hasRole(Role.TEACHER)
                        ? "classes" : "my-classes")));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.setId("save-class");
        save.addClickListener(e -> save());
        save.setVisible(admin);
        form.setReadOnly(!admin);
        warnings.setId("class-warnings");
        printRoster.setId("print-roster");
        printRoster.addClickListener(e -> {
            if (current != null) {
                ReportsNavigation.open("class-roster", Map.of("classId", String.valueOf(current.id())));
            }
        });
        printRoster.setVisible(false);
        // this month's sheet, blank for paper: the report's page lets the user pick another month or the filled one
        printSheet.setId("print-attendance-sheet");
        printSheet.addClickListener(e -> {
            if (current != null) {
                ReportsNavigation.open("attendance-sheet", Map.of("classId", String.valueOf(current.id()), "month",
                        today.withDayOfMonth(1).toString(), "kind", "blank"));
            }
        });
        printSheet.setVisible(false);
        printsRosters = enrolls || currentUser.hasRole(Role.TEACHER);
        var prints = new HorizontalLayout(printSheet, printRoster);
        prints.setPadding(false);
        top = new HorizontalLayout(back, prints);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        details.setPadding(false);
        add(top, details);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("new");
        if ("new".equals(id)) {
            if (!admin) {
                event.rerouteTo(ClassesView.class);
                return;
            }
            current = null;
            tabs = null;
            editing();
            form.showNew(terms.stream().filter(t -> t.contains(today)).findFirst()
                    .orElse(terms.isEmpty() ? null : terms.getFirst()), campuses.isEmpty() ? null : campuses.getFirst());
            warnings.removeAll();
            showPage(details);
            return;
        }
        String tab = event.getRouteParameters().get("tab").orElse(DETAILS);
        if (current != null && tabs != null && id.equals(String.valueOf(current.id()))) {
            // a tab's link: the same class on another tab, already loaded
            tabs.select(tab);
            return;
        }
        try {
            show(classes.get(Long.parseLong(id)), tab);
        } catch (NumberFormatException | NotFoundException e) {
            // a missing class and one the user may not see answer alike, with the shared page
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Fills the form and rebuilds the tabs on the given one; the other tabs are built when first selected. */
    private void show(ClassDetails shown, String tab) {
        current = shown;
        printRoster.setVisible(printsRosters);
        printSheet.setVisible(printsRosters);
        reading(shown);
        var sheet = new DetailTabs(getTranslation("class.tabs.label"), key -> DETAILS.equals(key)
                ? SchedulingNavigation.classPage(shown.id()) : SchedulingNavigation.classPage(shown.id(), key));
        sheet.setId("class-tabs");
        sheet.add(DETAILS, getTranslation("class.tab.details"), () -> {
            showWarnings();
            return details;
        });
        sheet.add("students", getTranslation("class.tab.students"), () -> new EnrollmentsPanel(enrollments, classes,
                students, shown, enrolls, today, () -> { }));
        sheet.add("sessions", getTranslation("class.tab.sessions"), () -> new SessionsPanel(sessions, rooms, shown,
                admin && shown.status().schedulable(), this::showWarnings));
        sheet.select(tab);
        tabs = sheet;
        showPage(sheet);
    }

    /** The class's fields as text, with "Edit" for administrators: what an existing class's page opens on. */
    private void reading(ClassDetails shown) {
        var teachers = teacherOptions(shown.teacherIds());
        var names = new ClassFacts.Names(courses.get(shown.courseId()).name(), terms.stream()
                .filter(t -> t.id() == shown.termId()).map(Term::name).findFirst().orElse(null), campuses.stream()
                        .filter(c -> c.id() == shown.campusId()).map(Campus::name).findFirst().orElse(null),
                rooms.get(shown.roomId()).name(), teachers.stream().map(TeacherOption::name).toList());
        details.removeAll();
        details.add(new ClassFacts(shown, names));
        if (admin) {
            var edit = new Button(getTranslation("class.edit"), VaadinIcon.EDIT.create(), e -> edit(shown));
            edit.setId("edit-class");
            details.add(edit);
        }
        details.add(warnings);
    }

    private void edit(ClassDetails shown) {
        form.show(shown);
        editing();
    }

    /** The form: a new class, or an existing one an administrator edits (cancel goes back to the text). */
    private void editing() {
        details.removeAll();
        var buttons = new HorizontalLayout(save);
        if (current != null) {
            var shown = current;
            var cancel = new Button(getTranslation("action.cancel"), e -> reading(shown));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-class-edit");
            buttons.add(cancel);
        }
        details.add(form, buttons, warnings);
    }

    private void showPage(com.vaadin.flow.component.Component content) {
        removeAll();
        add(top, content);
    }

    private String selectedTab() {
        return tabs == null ? DETAILS : tabs.selectedKey().orElse(DETAILS);
    }

    private List<TeacherOption> teacherOptions(Set<Long> teacherIds) {
        Map<Long, String> names = users.displayNames(teacherIds);
        return teacherIds.stream().sorted()
                .map(id -> new TeacherOption(id, names.getOrDefault(id, "#" + id))).toList();
    }

    private void showWarnings() {
        warnings.removeAll();
        if (current == null) {
            return;
        }
        var list = schedule.availabilityWarnings(current.id());
        if (list.isEmpty()) {
            return;
        }
        var texts = ScheduleTexts.of(this);
        warnings.add(new H3(getTranslation("class.warnings")));
        for (var w : list) {
            var line = new Badge(getTranslation("class.warning", w.teacherName(),
                    w.weekday().getDisplayName(TextStyle.FULL, getLocale()), texts.format().time(w.start()),
                    texts.format().time(w.end()), w.sessions()), Badge.Tone.CONTRAST);
            warnings.add(new Div(line));
        }
    }

    private void save() {
        var draft = form.draft();
        if (draft == null) {
            return;
        }
        try {
            if (current == null) {
                var created = lifecycle.create(draft);
                Notifications.success(getTranslation("class.created", created.code()));
                getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.classPage(created.id(), "sessions")));
            } else {
                var saved = lifecycle.update(current.id(), current.version(), draft);
                Notifications.success(getTranslation("class.saved", saved.code()));
                show(saved, selectedTab());
            }
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, form::field, () -> {
                if (current != null) {
                    show(classes.get(current.id()), selectedTab());
                }
            })) {
                throw ex;
            }
        }
    }

    @Override
    public String titleKey() {
        return "nav.classes";
    }
}
