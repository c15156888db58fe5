package io.campuscrm.students.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.util.StringUtils;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.CsvImportDialog;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentExportService;
import io.campuscrm.students.StudentFilter;
import io.campuscrm.students.StudentImportService;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentSort;
import io.campuscrm.students.StudentStatus;
import io.campuscrm.students.StudentSummary;

import jakarta.annotation.security.RolesAllowed;

/**
 * The student list: one search field (any part of a name, a phone fragment, an e-mail, a student number), filters
 * by status, campus and tag, sortable columns (by name in the order of the user's language), pages loaded as the
 * user scrolls. Admissions create and import; the current filter exports to CSV or XLSX, in the list's order. A row
 * opens the student's file.
 */
@Route(StudentNavigation.LIST)
@Menu(title = "nav.students", order = 20, icon = "vaadin:academy-cap")
@RolesAllowed({"ADMIN", "ADMISSIONS", "FINANCE", "TEACHER"})
@StyleSheet("styles/students.css")
class StudentsView extends VerticalLayout implements LocalizedTitle {

    private final StudentSearch students;
    private final Grid<StudentSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<StudentStatus> status = new ComboBox<>();
    private final ComboBox<Campus> campus = new ComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final Map<Long, String> campusNames;
    /** What the export links use: read in the download request, written on the UI thread. */
    private volatile StudentFilter currentFilter = StudentFilter.all();
    private volatile Sort currentSort = Sort.unsorted();

    StudentsView(StudentSearch students, StudentChanges changes, FamilyService families,
            StudentImportService imports, StudentExportService export, InstitutionService institution,
            CurrentUser currentUser, Clock clock) {
        this.students = students;
        addClassName("list-view");
        setSizeFull();
        var mine = currentUser.principal().map(CampusPrincipal::campusIds).orElse(Set.of());
        List<Campus> campuses = institution.campuses().stream()
                .filter(c -> mine.isEmpty() || mine.contains(c.id())).toList();
        campusNames = institution.campuses().stream().collect(Collectors.toMap(Campus::id, Campus::name));
        boolean editor = currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS);
        boolean exporter = editor || currentUser.hasRole(Role.FINANCE);

        search.setPlaceholder(getTranslation("students.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.setClearButtonVisible(true);
        search.setId("students-search");
        search.setAriaLabel(getTranslation("students.search"));
        status.setPlaceholder(getTranslation("students.any-status"));
        status.setItems(StudentStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setClearButtonVisible(true);
        status.setId("students-status");
        campus.setPlaceholder(getTranslation("students.any-campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        campus.setClearButtonVisible(true);
        campus.setId("students-campus");
        campus.setVisible(campuses.size() > 1);
        tag.setPlaceholder(getTranslation("students.any-tag"));
        tag.setItems(query -> students.tags(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()).limit(query.getLimit()));
        tag.setClearButtonVisible(true);
        tag.setId("students-tag");
        search.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        campus.addValueChangeListener(e -> refresh());
        tag.addValueChangeListener(e -> refresh());

        var filters = new HorizontalLayout(search, status, campus, tag);
        filters.addClassName("filter-bar");
        filters.setWidthFull();
        filters.expand(search);
        if (editor) {
            var create = ServiceErrors.primary(getTranslation("students.new"));
            create.setId("new-student");
            create.addClickListener(e -> new NewStudentDialog(changes, students, families, campuses,
                    LocalDate.now(clock.withZone(institution.settings().timeZone()))).open());
            var importButton = new Button(getTranslation("students.import"), VaadinIcon.UPLOAD_ALT.create(),
                    e -> new CsvImportDialog(new StudentCsvImport(imports), this::refresh).open());
            importButton.setId("import-students");
            filters.add(create, importButton);
        }
        if (exporter) {
            Locale locale = getLocale();
            filters.add(exportLink("CSV", "export-csv",
                    event -> {
                        event.setFileName("student-list.csv");
                        event.setContentType("text/csv; charset=UTF-8");
                        export.exportCsv(currentFilter, currentSort, locale, event.getOutputStream());
                    }),
                    exportLink("XLSX", "export-xlsx", event -> {
                        event.setFileName("student-list.xlsx");
                        event.setContentType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                        export.exportXlsx(currentFilter, currentSort, locale, event.getOutputStream());
                    }));
        }
        configureGrid(institution.settings().timeZone(), clock);
        add(filters, grid);
    }

    private void configureGrid(ZoneId zone, Clock clock) {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        grid.addColumn(StudentSummary::studentNumber).setHeader(getTranslation("student.number"))
                .setSortProperty("studentNumber").setWidth("8.5rem").setFlexGrow(0);
        // Names as the record holds them, in the order of the reader's language (pinyin for Chinese).
        String byName = StudentSort.name(getLocale());
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("student.name"))
                .setSortProperty(byName).setFlexGrow(2).setKey("name");
        grid.addComponentColumn(s -> StudentBadges.status(s.status())).setHeader(getTranslation("student.status"))
                .setSortProperty("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.campusId() == null ? "" : campusNames.getOrDefault(s.campusId(), ""))
                .setHeader(getTranslation("student.campus")).setAutoWidth(true);
        grid.addColumn(s -> {
            Integer age = StudentBadges.age(s.birthDate(), today);
            return age == null ? "" : String.valueOf(age);
        }).setHeader(getTranslation("student.age")).setSortProperty("birthDate").setWidth("5.5rem").setFlexGrow(0);
        // fixed widths: an automatic one leaves no room for a short header's sort arrows ("Num…", "A…", "年…")
        grid.addColumn(s -> s.primaryGuardianName() == null ? "" : s.primaryGuardianName() + " · "
                + ContactNormaliser.display(s.primaryGuardianPhone()))
                .setHeader(getTranslation("student.primary-contact")).setFlexGrow(2);
        String separator = Lists.separator(getLocale());
        grid.addColumn(s -> String.join(separator, s.tags())).setHeader(getTranslation("student.tags"))
                .setAutoWidth(true);
        grid.addColumn(s -> dates.format(s.createdAt().atZone(zone))).setHeader(getTranslation("student.created"))
                .setSortProperty("createdAt").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            var filter = filter();
            if (page.getSort().isUnsorted() && !StringUtils.hasText(filter.text())) {
                // the plain list is by name, in the reader's order; a search without a sort stays best first
                page = page.withSort(Sort.by(byName));
            }
            currentSort = page.getSort();
            return students.find(filter, page).stream();
        });
        grid.addItemClickListener(e -> StudentNavigation.openFile(e.getItem().id()));
        grid.setId("students-grid");
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("students.empty"));
    }

    private Div nameCell(StudentSummary s) {
        var name = new Span(s.displayName());
        name.addClassName("student-name");
        var cell = new Div(name);
        if (s.chineseName() != null) {
            var chinese = new Span(s.chineseName());
            chinese.addClassName("student-chinese-name");
            cell.add(chinese);
        }
        return cell;
    }

    private Anchor exportLink(String format, String id, DownloadHandler handler) {
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, format);
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.setId(id);
        anchor.getElement().setAttribute("theme", "button");
        anchor.setTitle(getTranslation("students.export", format));
        return anchor;
    }

    private StudentFilter filter() {
        var selected = campus.getValue();
        var filter = new StudentFilter(search.getValue(), status.getValue(), selected == null ? null : selected.id(),
                tag.getValue());
        currentFilter = filter;
        return filter;
    }

    void refresh() {
        currentFilter = filter();
        grid.getDataProvider().refreshAll();
    }

    /** For tests: what the list shows now. */
    Grid<StudentSummary> grid() {
        return grid;
    }

    @Override
    public String titleKey() {
        return "nav.students";
    }
}
