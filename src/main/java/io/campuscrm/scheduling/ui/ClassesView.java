package io.campuscrm.scheduling.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.SchedulingNavigation;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.ServiceErrors;

import jakarta.annotation.security.RolesAllowed;

/**
 * Classes: a lazy list filtered by text, campus, term, course, teacher and status. Campus-limited users see only
 * their campuses' classes (the service decides). A row opens the class; administrators create classes here.
 */
@Route(SchedulingNavigation.CLASSES)
@Menu(title = "nav.classes", order = 20, icon = "vaadin:calendar-user")
@RolesAllowed({"ADMIN", "ADMISSIONS"})
class ClassesView extends VerticalLayout implements LocalizedTitle {

    private final Grid<ClassSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<Campus> campus = new ComboBox<>();
    private final ComboBox<Term> term = new ComboBox<>();
    private final ComboBox<Course> course = new ComboBox<>();
    private final ComboBox<TeacherOption> teacher = new ComboBox<>();
    private final ComboBox<ClassStatus> status = new ComboBox<>();

    ClassesView(ClassSearch classes, CourseService courses, TermService terms, InstitutionService institution,
            UserService users, CurrentUser currentUser) {
        addClassName("list-view");
        setSizeFull();
        List<Campus> campuses = institution.campuses();
        Map<Long, Campus> campusById = campuses.stream().collect(Collectors.toMap(Campus::id, Function.identity()));
        search.setPlaceholder(getTranslation("class.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("classes-search");
        campus.setPlaceholder(getTranslation("scheduling.any-campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        campus.setId("classes-campus");
        term.setPlaceholder(getTranslation("class.any-term"));
        term.setItems(terms.find(PageRequest.of(0, 200)).getContent());
        term.setItemLabelGenerator(Term::name);
        term.setId("classes-term");
        course.setPlaceholder(getTranslation("class.any-course"));
        course.setItems(query -> courses.find(new CourseFilter(query.getFilter().orElse(null), null),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        course.setItemLabelGenerator(c -> c.code() + " — " + c.name());
        course.setId("classes-course");
        teacher.setPlaceholder(getTranslation("class.any-teacher"));
        teacher.setItemLabelGenerator(TeacherOption::name);
        teacher.setVisible(currentUser.hasRole(Role.ADMIN));
        if (currentUser.hasRole(Role.ADMIN)) {
            teacher.setItems(query -> users.findUsers(new UserFilter(query.getFilter().orElse(null), Role.TEACHER,
                    null), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream()
                    .map(u -> new TeacherOption(u.id(), u.displayName())));
        }
        teacher.setId("classes-teacher");
        status.setPlaceholder(getTranslation("scheduling.any-status"));
        status.setItems(ClassStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setId("classes-status");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        for (var box : List.of(campus, term, course, teacher, status)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        var create = ServiceErrors.primary(getTranslation("class.new"));
        create.setId("new-class");
        create.setVisible(currentUser.hasRole(Role.ADMIN));
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.newClass())));
        var filters = new HorizontalLayout(search, campus, term, course, teacher, status, create);
        filters.addClassName("filter-bar");
        filters.setWidthFull();
        filters.expand(search);

        var texts = ScheduleTexts.of(this);
        grid.addColumn(ClassSummary::code).setHeader(getTranslation("class.code")).setSortProperty("code")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClassSummary::name).setHeader(getTranslation("class.name")).setSortProperty("name")
                .setFlexGrow(1);
        grid.addColumn(ClassSummary::courseName).setHeader(getTranslation("class.course")).setAutoWidth(true);
        grid.addColumn(ClassSummary::termName).setHeader(getTranslation("class.term")).setAutoWidth(true);
        grid.addColumn(c -> campusById.containsKey(c.campusId()) ? campusById.get(c.campusId()).name() : "")
                .setHeader(getTranslation("class.campus")).setAutoWidth(true);
        grid.addColumn(ClassSummary::roomName).setHeader(getTranslation("class.room")).setAutoWidth(true);
        String separator = Lists.separator(getLocale());
        grid.addColumn(c -> String.join(separator, c.teacherNames())).setHeader(getTranslation("class.teachers"))
                .setAutoWidth(true);
        grid.addColumn(c -> texts.recurrence(c.recurrence())).setHeader(getTranslation("class.schedule"))
                .setAutoWidth(true);
        grid.addColumn(ClassSummary::capacity).setHeader(getTranslation("class.capacity")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.status().messageKey())).setHeader(getTranslation("class.status"))
                .setSortProperty("status").setAutoWidth(true);
        grid.setItems(query -> classes.find(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.classPage(e.getItem().id()))));
        grid.setEmptyStateText(getTranslation("class.none"));
        grid.setId("classes-grid");
        grid.setSizeFull();
        add(filters, grid);
    }

    private ClassFilter filter() {
        return new ClassFilter(search.getValue(), campus.getValue() == null ? null : campus.getValue().id(),
                term.getValue() == null ? null : term.getValue().id(),
                course.getValue() == null ? null : course.getValue().id(),
                teacher.getValue() == null ? null : teacher.getValue().id(), status.getValue());
    }

    @Override
    public String titleKey() {
        return "nav.classes";
    }
}
