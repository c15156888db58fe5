package io.campuscrm.students.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.DetailTabs;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.GuardianView;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDocumentService;
import io.campuscrm.students.StudentFile;
import io.campuscrm.students.FamilyChildrenColumn;
import io.campuscrm.students.StudentFileSection;
import io.campuscrm.students.StudentFiles;
import io.campuscrm.students.StudentNoteService;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentTimelineService;

import jakarta.annotation.security.RolesAllowed;

/**
 * A student's file ({@code students/42}, {@code students/42/documents}): a header with the key facts and tabs for
 * details, family, the sections other modules contribute (enrollments), documents, notes and the timeline. Tabs are
 * built when first shown; the URL follows the selected tab. Every open is in the audit log.
 */
@Route(StudentNavigation.LIST + "/:studentId([0-9]+)/:tab?")
@RolesAllowed({"ADMIN", "ADMISSIONS", "FINANCE", "TEACHER"})
@StyleSheet("styles/students.css")
class StudentFileView extends VerticalLayout implements BeforeEnterObserver, LocalizedTitle {

    private final StudentFiles files;
    private final StudentChanges changes;
    private final StudentSearch search;
    private final FamilyService families;
    private final StudentDocumentService documents;
    private final StudentNoteService notes;
    private final StudentTimelineService timeline;
    private final List<StudentFileSection> sections;
    private final List<FamilyChildrenColumn> familyColumns;
    private final List<Campus> campuses;
    private final List<Campus> editableCampuses;
    private final ZoneId zone;
    private final Clock clock;
    private final boolean editor;
    private @Nullable StudentFile file;
    private @Nullable DetailTabs tabs;
    private String pageTitle = "";

    StudentFileView(StudentFiles files, StudentChanges changes, StudentSearch search, FamilyService families,
            StudentDocumentService documents, StudentNoteService notes, StudentTimelineService timeline,
            List<StudentFileSection> sections, List<FamilyChildrenColumn> familyColumns, InstitutionService institution,
            CurrentUser currentUser, Clock clock) {
        this.clock = clock;
        this.files = files;
        this.changes = changes;
        this.search = search;
        this.families = families;
        this.documents = documents;
        this.notes = notes;
        this.timeline = timeline;
        this.sections = sections.stream().filter(StudentFileSection::visibleToCurrentUser)
                .sorted(Comparator.comparingInt(StudentFileSection::order)).toList();
        this.familyColumns = familyColumns.stream().filter(FamilyChildrenColumn::visibleToCurrentUser)
                .sorted(Comparator.comparingInt(FamilyChildrenColumn::order)).toList();
        this.campuses = institution.campuses();
        var mine = currentUser.principal().map(CampusPrincipal::campusIds).orElse(Set.of());
        this.editableCampuses = campuses.stream().filter(c -> mine.isEmpty() || mine.contains(c.id())).toList();
        this.zone = institution.settings().timeZone();
        this.editor = currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
        setId("student-file");
        addClassName("student-file");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("studentId").orElse(-1L);
        String tab = event.getRouteParameters().get("tab").orElse("details");
        if (file != null && tabs != null && file.student().id() == id) {
            // a tab's link: the same file on another tab, already loaded
            tabs.select(tabs.has(tab) ? tab : "details");
            return;
        }
        show(id, tab);
        if (file == null) {
            // a missing student and one the user may not see answer alike, with the shared page
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Loads the file (an audited read) and rebuilds the view on the given tab. */
    void show(long id, String tab) {
        removeAll();
        tabs = null;
        try {
            file = files.file(id);
        } catch (DomainException notFound) {
            file = null;
            pageTitle = getTranslation("students.not-found");
            add(new H2(getTranslation("students.not-found")),
                    new RouterLink(getTranslation("students.back-to-list"), StudentsView.class));
            return;
        }
        pageTitle = file.student().displayName();
        tabs = tabs(file, tab);
        add(header(file), tabs);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void reload(String tab) {
        if (file != null) {
            show(file.student().id(), tab);
        }
    }

    private Component header(StudentFile file) {
        var student = file.student();
        var name = new H2(student.displayName());
        name.setId("student-name");
        var title = new HorizontalLayout(name);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        title.addClassName("student-title");
        if (student.chineseName() != null) {
            var chinese = new Span(student.chineseName());
            chinese.addClassName("student-chinese-name");
            title.add(chinese);
        }
        var number = new Span(student.studentNumber());
        number.getElement().getThemeList().add("badge contrast");
        number.setId("student-number");
        title.add(number, StudentBadges.status(student.status()));

        var facts = new Div();
        facts.addClassName("student-facts");
        campuses.stream().filter(c -> student.campusId() != null && c.id() == student.campusId()).findFirst()
                .ifPresent(c -> facts.add(fact(VaadinIcon.BUILDING, c.name())));
        Integer age = StudentBadges.age(student.birthDate(), today());
        if (age != null) {
            facts.add(fact(VaadinIcon.CALENDAR_USER, getTranslation("student.age-born", age,
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                            .format(student.birthDate()))));
        }
        if (!student.school().isEmpty() || !student.grade().isEmpty()) {
            facts.add(fact(VaadinIcon.ACADEMY_CAP, String.join(" · ", List.of(student.school(), student.grade())
                    .stream().filter(s -> !s.isEmpty()).toList())));
        }
        file.family().primaryGuardian().ifPresent(g -> facts.add(contact(g)));
        var header = new VerticalLayout(title, facts);
        header.setPadding(false);
        header.setSpacing(false);
        header.addClassName("student-header");
        return header;
    }

    private Component contact(GuardianView guardian) {
        var contact = new Span(VaadinIcon.USER_HEART.create(), new Span(getTranslation("format.parenthetical",
                guardian.fullName(), getTranslation(guardian.relationship().messageKey()))));
        contact.addClassName("student-fact");
        contact.setId("primary-contact");
        if (guardian.phone() != null) {
            contact.add(new Anchor("tel:" + guardian.phone(), ContactNormaliser.display(guardian.phone())));
        }
        if (guardian.email() != null) {
            contact.add(new Anchor("mailto:" + guardian.email(), guardian.email()));
        }
        return contact;
    }

    private static Span fact(VaadinIcon icon, String text) {
        var fact = new Span(icon.create(), new Span(text));
        fact.addClassName("student-fact");
        return fact;
    }

    private DetailTabs tabs(StudentFile file, String selected) {
        long id = file.student().id();
        var sheet = new DetailTabs(getTranslation("student.tabs.label"),
                key -> "details".equals(key) ? StudentNavigation.file(id) : StudentNavigation.file(id, key));
        sheet.setId("student-tabs");
        sheet.add("details", getTranslation("student.tab.details"), () -> new DetailsTab(changes, search,
                file.student(), campuses, editableCampuses, editor, zone, today(), () -> reload("details")));
        sheet.add("family", getTranslation("student.tab.family"),
                () -> new FamilyTab(changes, families, file, familyColumns, editor, () -> reload("family")));
        if (sections.isEmpty()) {
            sheet.add("enrollments", getTranslation("student.tab.enrollments"),
                    () -> new Paragraph(getTranslation("student.enrollments.empty")));
        }
        for (StudentFileSection section : sections) {
            String key = section.titleKey().substring(section.titleKey().lastIndexOf('.') + 1)
                    .toLowerCase(Locale.ROOT);
            sheet.add(key, getTranslation(section.titleKey()), () -> section.create(id));
        }
        sheet.add("documents", getTranslation("student.tab.documents", file.documentCount()),
                () -> new DocumentsTab(documents, id, editor, zone));
        sheet.add("notes", getTranslation("student.tab.notes", file.noteCount()),
                () -> new NotesTab(notes, id, editor, zone));
        sheet.add("timeline", getTranslation("student.tab.timeline"), () -> new TimelineTab(timeline, id, zone));
        sheet.select(sheet.has(selected) ? selected : "details");
        return sheet;
    }

    @Override
    public String titleKey() {
        return "nav.students";
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
