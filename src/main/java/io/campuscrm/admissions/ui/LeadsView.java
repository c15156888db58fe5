package io.campuscrm.admissions.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadExportService;
import io.campuscrm.admissions.LeadRef;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadImportService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.students.FamilyService;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.Colleague;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

import jakarta.annotation.security.RolesAllowed;

/**
 * The leads of the user's campuses, newest first, lazily: all of them, mine, the pool's, those without a next step
 * or overdue, in a stage, and by owner, campaign, course and dates under "More filters"; sorted by the columns (in
 * the database). A row opens the lead; "New lead" enters one from a call or a visit; the board shows them by stage.
 * Leads ticked in the list are given to a colleague, released to the pool or closed as lost at once (all or none);
 * the whole filtered list exports to CSV or XLSX, in its order.
 */
@Route(LeadsView.ROUTE)
@Menu(title = "nav.leads", order = 5, icon = "vaadin:funnel")
@RolesAllowed({"ADMIN", "ADMISSIONS"})
class LeadsView extends VerticalLayout implements LocalizedTitle, BeforeEnterObserver {

    static final String ROUTE = "leads";

    /** Which leads the list shows. */
    enum Show {
        ALL, MINE, POOL, NO_NEXT_STEP, OVERDUE;

        String messageKey() {
            return "lead.show." + address();
        }

        String address() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final LeadService leads;
    private final Grid<Lead> grid = new Grid<>();
    private final Select<Show> show = new Select<>();
    private final Select<LeadStage> stage = new Select<>();
    private final Select<LeadChoice> source = new Select<>();
    private final TextField search = new TextField();
    private final LeadFilterFields more;
    private final UserService users;
    private final List<LeadChoice> reasons;
    private final Span selected = new Span();
    private final HorizontalLayout bulk = new HorizontalLayout();
    private final long me;
    /** What the export links use: read in the download request, written on the UI thread. */
    private volatile LeadService.LeadFilter currentFilter = LeadService.LeadFilter.all();
    private volatile Sort currentSort = Sort.unsorted();

    LeadsView(LeadService leads, LeadCatalogService catalog, LeadExportService export, UserService users,
            CourseService courses, FamilyService families, InstitutionService institution, CurrentUser currentUser,
            Clock clock, LeadImportService imports) {
        this.leads = leads;
        this.users = users;
        this.reasons = leads.lostReasons();
        this.me = currentUser.principal().map(p -> p.userId()).orElse(-1L);
        setSizeFull();
        var scope = currentUser.scope();
        List<Campus> campuses = institution.campuses().stream().filter(c -> scope.seesCampus(c.id())).toList();
        Map<Long, String> campusNames = campuses.stream().collect(Collectors.toMap(Campus::id, Campus::name));
        ZoneId zone = institution.settings().timeZone();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());

        show.setLabel(getTranslation("lead.show"));
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        show.setValue(Show.ALL);
        show.setId("leads-show");
        stage.setLabel(getTranslation("lead.stage"));
        stage.setItems(LeadStage.values());
        stage.setEmptySelectionAllowed(true);
        stage.setEmptySelectionCaption(getTranslation("lead.stage.any"));
        stage.setItemLabelGenerator(s -> s == null ? getTranslation("lead.stage.any") : getTranslation(s.messageKey()));
        stage.setId("leads-stage");
        source.setLabel(getTranslation("lead.source"));
        source.setItems(leads.sources());
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption(getTranslation("lead.source.any"));
        source.setItemLabelGenerator(c -> c == null ? getTranslation("lead.source.any") : LeadTexts.choice(this, c));
        source.setId("leads-source");
        search.setLabel(getTranslation("lead.search"));
        search.setPlaceholder(getTranslation("lead.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("leads-search");
        var add = new Button(getTranslation("lead.new"), VaadinIcon.PLUS.create(), e -> new NewLeadDialog(leads,
                catalog, families, LocalDate.now(clock.withZone(institution.settings().timeZone())), campuses,
                lead -> {
                    Notifications.success(getTranslation("lead.saved", lead.childName()));
                    getUI().ifPresent(ui -> ui.navigate(LeadView.route(lead.id())));
                }).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("leads-new");
        var board = new Button(getTranslation("lead.board.open"), VaadinIcon.GRID_BIG_O.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(LeadBoardView.class)));
        board.setId("leads-board");
        Locale locale = getLocale();
        var csv = exportLink("CSV", "leads-export-csv", event -> {
            event.setFileName("leads.csv");
            event.setContentType("text/csv; charset=UTF-8");
            export.exportCsv(currentFilter, currentSort, locale, event.getOutputStream());
        });
        var xlsx = exportLink("XLSX", "leads-export-xlsx", event -> {
            event.setFileName("leads.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            export.exportXlsx(currentFilter, currentSort, locale, event.getOutputStream());
        });
        var bar = new HorizontalLayout(search, show, stage, source, add, board, csv, xlsx);
        bar.add(LeadCsvImport.button(imports, () -> grid.getDataProvider().refreshAll()));
        bar.setWrap(true);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        more = new LeadFilterFields(this, catalog, users, courses, "leads");
        var moreFields = new HorizontalLayout();
        moreFields.setWrap(true);
        more.fields().forEach(moreFields::add);
        var moreFilters = new Details(getTranslation("lead.filter.more"), moreFields);
        moreFilters.setId("leads-more-filters");
        bulkActions();

        grid.setId("leads");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(Lead::childName).setHeader(getTranslation("lead.child")).setSortProperty("childName")
                .setFlexGrow(2);
        grid.addColumn(l -> l.guardianName() == null ? "" : l.guardianName())
                .setHeader(getTranslation("lead.guardian")).setFlexGrow(2);
        grid.addColumn(l -> l.phone() == null ? (l.email() == null ? "" : l.email())
                : io.campuscrm.students.ContactNormaliser.display(l.phone()))
                .setHeader(getTranslation("lead.contact")).setFlexGrow(2);
        grid.addColumn(l -> campusNames.getOrDefault(l.campusId(), "")).setHeader(getTranslation("lead.campus"))
                .setAutoWidth(true);
        grid.addColumn(l -> getTranslation(l.stage().messageKey())).setHeader(getTranslation("lead.stage"))
                .setSortProperty("stage").setAutoWidth(true);
        grid.addColumn(l -> l.nextActionOn() == null ? (l.stage().open() ? getTranslation("lead.no-next-step") : "")
                : dates.format(l.nextActionOn())).setHeader(getTranslation("lead.next-action-on"))
                .setSortProperty("nextActionOn").setAutoWidth(true);
        grid.addColumn(l -> dates.format(l.createdAt().atZone(zone).toLocalDate()))
                .setHeader(getTranslation("lead.created")).setSortProperty("createdAt").setAutoWidth(true);
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            currentSort = page.getSort();
            return leads.find(filter(), page).stream();
        });
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null) { // not a click on the selection's checkbox
                getUI().ifPresent(ui -> ui.navigate(LeadView.route(e.getItem().id())));
            }
        });
        grid.addSelectionListener(e -> showSelection());
        show.addValueChangeListener(e -> refresh());
        stage.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        more.onChange(this::refresh);

        add(new H2(getTranslation("nav.leads")), bar, moreFilters, bulk, grid);
        setFlexGrow(1, grid);
        showSelection();
    }

    /** The actions on the ticked leads, shown while some are. */
    private void bulkActions() {
        selected.setId("leads-selected");
        var assign = new Button(getTranslation("lead.bulk.assign"), VaadinIcon.USER.create(), e -> askOwner());
        assign.setId("leads-bulk-assign");
        var release = new Button(getTranslation("lead.bulk.release"), e -> bulk(() -> leads.bulkAssign(refs(), null),
                "lead.bulk.released"));
        release.setId("leads-bulk-release");
        var lost = new Button(getTranslation("lead.bulk.lost"), e -> askLostReason());
        lost.setId("leads-bulk-lost");
        bulk.add(selected, assign, release, lost);
        bulk.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bulk.setId("leads-bulk");
    }

    private void showSelection() {
        int count = grid.getSelectedItems().size();
        selected.setText(getTranslation("lead.bulk.selected", count));
        bulk.setVisible(count > 0);
    }

    private List<LeadRef> refs() {
        return grid.getSelectedItems().stream().map(LeadRef::of).toList();
    }

    private void askOwner() {
        var dialog = new Dialog();
        dialog.setId("leads-bulk-assign-dialog");
        dialog.setHeaderTitle(getTranslation("lead.bulk.assign.title", grid.getSelectedItems().size()));
        var owner = new ComboBox<Colleague>(getTranslation("lead.owner"));
        owner.setItems(query -> users.colleagues(Role.ADMISSIONS, query.getFilter().orElse(null),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        owner.setItemLabelGenerator(Colleague::displayName);
        owner.setId("leads-bulk-owner");
        var confirm = ServiceErrors.primary(getTranslation("lead.bulk.assign.confirm"));
        confirm.setId("leads-bulk-assign-confirm");
        confirm.addClickListener(e -> {
            if (owner.getValue() == null) {
                owner.setErrorMessage(getTranslation("lead.bulk.error.owner-required"));
                owner.setInvalid(true);
                return;
            }
            long to = owner.getValue().id();
            if (bulk(() -> leads.bulkAssign(refs(), to), "lead.bulk.assigned", owner)) {
                dialog.close();
            }
        });
        var cancel = new Button(getTranslation("lead.cancel"), e -> dialog.close());
        dialog.add(owner);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void askLostReason() {
        var dialog = new Dialog();
        dialog.setId("leads-bulk-lost-dialog");
        dialog.setHeaderTitle(getTranslation("lead.bulk.lost.title", grid.getSelectedItems().size()));
        var reason = new Select<LeadChoice>();
        reason.setLabel(getTranslation("lead.lost-reason"));
        reason.setItems(reasons);
        reason.setItemLabelGenerator(c -> c == null ? "" : LeadTexts.choice(this, c));
        reason.setId("leads-bulk-lost-reason");
        var confirm = ServiceErrors.primary(getTranslation("lead.bulk.lost.confirm"));
        confirm.setId("leads-bulk-lost-confirm");
        confirm.addClickListener(e -> {
            Long why = reason.getValue() == null ? null : reason.getValue().id();
            if (bulk(() -> leads.bulkMarkLost(refs(), why), "lead.bulk.marked-lost", reason)) {
                dialog.close();
            }
        });
        var cancel = new Button(getTranslation("lead.cancel"), e -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private boolean bulk(Supplier<Integer> action, String doneKey) {
        return bulk(action, doneKey, null);
    }

    /** Runs a bulk action: all or none; a refusal is shown (on {@code field} when it names one) and nothing changed. */
    private boolean bulk(Supplier<Integer> action, String doneKey, @Nullable HasValidation field) {
        try {
            int changed = action.get();
            Notifications.success(getTranslation(doneKey, changed));
            grid.deselectAll();
            refresh();
            return true;
        } catch (NotFoundException gone) {
            Notifications.error(getTranslation("lead.bulk.error.not-found"));
            return false;
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, f -> f == null ? null : field, () -> {
                grid.deselectAll();
                refresh();
            })) {
                throw error;
            }
            return false;
        }
    }

    private Anchor exportLink(String format, String id, DownloadHandler handler) {
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, format);
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.setId(id);
        anchor.getElement().setAttribute("theme", "button");
        anchor.setTitle(getTranslation("lead.export.title", format));
        return anchor;
    }

    private void refresh() {
        currentFilter = filter();
        grid.getDataProvider().refreshAll();
    }

    /** {@code leads?show=overdue}: the dashboard's links open the list on what they count. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("show").flatMap(value -> java.util.Arrays
                .stream(Show.values()).filter(s -> s.address().equals(value)).findFirst()).ifPresent(show::setValue);
    }

    private LeadService.LeadFilter filter() {
        var which = show.getValue() == null ? Show.ALL : show.getValue();
        var filter = more.filter(null, which == Show.MINE ? me : null, which == Show.POOL,
                which == Show.NO_NEXT_STEP, which == Show.OVERDUE,
                source.getValue() == null ? null : source.getValue().id(), search.getValue())
                .withStage(stage.getValue());
        currentFilter = filter;
        return filter;
    }

    /** For tests: the list. */
    Grid<Lead> grid() {
        return grid;
    }

    @Override
    public String titleKey() {
        return "nav.leads";
    }
}
