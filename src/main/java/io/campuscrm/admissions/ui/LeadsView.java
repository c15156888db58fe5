package io.campuscrm.admissions.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
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
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadImportService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;

import jakarta.annotation.security.RolesAllowed;

/**
 * The leads of the user's campuses, newest first, lazily: all of them, mine, the pool's, those without a next step
 * or overdue, in a stage; a row opens the lead. "New lead" enters one from a call or a visit.
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
    private final long me;

    LeadsView(LeadService leads, InstitutionService institution, CurrentUser currentUser,
            LeadImportService imports) {
        this.leads = leads;
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
                campuses, lead -> {
                    Notifications.success(getTranslation("lead.saved", lead.childName()));
                    getUI().ifPresent(ui -> ui.navigate(LeadView.route(lead.id())));
                }).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("leads-new");
        var bar = new HorizontalLayout(search, show, stage, source, add);
        bar.add(LeadCsvImport.button(imports, () -> grid.getDataProvider().refreshAll()));
        bar.setWrap(true);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("leads");
        grid.addColumn(Lead::childName).setHeader(getTranslation("lead.child")).setFlexGrow(2);
        grid.addColumn(l -> l.guardianName() == null ? "" : l.guardianName())
                .setHeader(getTranslation("lead.guardian")).setFlexGrow(2);
        grid.addColumn(l -> l.phone() == null ? (l.email() == null ? "" : l.email())
                : io.campuscrm.students.ContactNormaliser.display(l.phone()))
                .setHeader(getTranslation("lead.contact")).setFlexGrow(2);
        grid.addColumn(l -> campusNames.getOrDefault(l.campusId(), "")).setHeader(getTranslation("lead.campus"))
                .setAutoWidth(true);
        grid.addColumn(l -> getTranslation(l.stage().messageKey())).setHeader(getTranslation("lead.stage"))
                .setAutoWidth(true);
        grid.addColumn(l -> l.nextActionOn() == null ? (l.stage().open() ? getTranslation("lead.no-next-step") : "")
                : dates.format(l.nextActionOn())).setHeader(getTranslation("lead.next-action-on")).setAutoWidth(true);
        grid.addColumn(l -> dates.format(l.createdAt().atZone(zone).toLocalDate()))
                .setHeader(getTranslation("lead.created")).setAutoWidth(true);
        grid.setItems(query -> leads.find(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(LeadView.route(e.getItem().id()))));
        show.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        stage.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        source.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        add(new H2(getTranslation("nav.leads")), bar, grid);
        setFlexGrow(1, grid);
    }

    /** {@code leads?show=overdue}: the dashboard's links open the list on what they count. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("show").flatMap(value -> java.util.Arrays
                .stream(Show.values()).filter(s -> s.address().equals(value)).findFirst()).ifPresent(show::setValue);
    }

    private LeadService.LeadFilter filter() {
        var which = show.getValue() == null ? Show.ALL : show.getValue();
        return new LeadService.LeadFilter(null, stage.getValue(), which == Show.MINE ? me : null,
                which == Show.POOL, which == Show.NO_NEXT_STEP, which == Show.OVERDUE,
                source.getValue() == null ? null : source.getValue().id(), search.getValue());
    }

    @Override
    public String titleKey() {
        return "nav.leads";
    }
}
