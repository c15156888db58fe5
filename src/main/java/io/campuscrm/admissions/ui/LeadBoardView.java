package io.campuscrm.admissions.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

import io.campuscrm.admissions.LeadCard;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

import jakarta.annotation.security.RolesAllowed;

/**
 * A campus's leads as a kanban board: a column per stage with its count, cards dragged from one column to another to
 * move a lead (to Lost with a reason; a move a rule forbids is refused with the service's message and the card stays
 * where it was); a card opens its lead. The columns are lazy: all counts come from one grouped statement (the sizes of
 * the columns' lists, so no column counts on its own) and each column reads a page of cards as it is scrolled. The
 * columns scroll sideways on a narrow screen. Reached from the lead list, not the menu.
 */
@Route(LeadBoardView.ROUTE)
@RolesAllowed({"ADMIN", "ADMISSIONS"})
class LeadBoardView extends VerticalLayout implements LocalizedTitle, BeforeEnterObserver {

    static final String ROUTE = "leads/board";

    private final LeadService leads;
    private final Select<Campus> campus = new Select<>();
    private final Select<LeadChoice> source = new Select<>();
    private final Checkbox overdue = new Checkbox();
    private final TextField search = new TextField();
    private final LeadFilterFields more;
    private final List<LeadChoice> reasons;
    private final Map<LeadStage, Span> countLabels = new EnumMap<>(LeadStage.class);
    private final Map<LeadStage, VirtualList<LeadCard>> lists = new EnumMap<>(LeadStage.class);
    private final DateTimeFormatter dates;
    private Map<LeadStage, Long> counts = new EnumMap<>(LeadStage.class);
    private LeadService.LeadFilter filter = LeadService.LeadFilter.all();

    LeadBoardView(LeadService leads, LeadCatalogService catalog, UserService users, CourseService courses,
            InstitutionService institution, CurrentUser currentUser) {
        this.leads = leads;
        this.reasons = leads.lostReasons();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        setSizeFull();
        setId("board");
        var scope = currentUser.scope();
        List<Campus> campuses = institution.campuses().stream().filter(c -> scope.seesCampus(c.id())).toList();

        campus.setLabel(getTranslation("lead.campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        campus.setId("board-campus");
        if (!campuses.isEmpty()) {
            campus.setValue(campuses.getFirst());
        }
        source.setLabel(getTranslation("lead.source"));
        source.setItems(leads.sources());
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption(getTranslation("lead.source.any"));
        source.setItemLabelGenerator(c -> c == null ? getTranslation("lead.source.any") : LeadTexts.choice(this, c));
        source.setId("board-source");
        overdue.setLabel(getTranslation("lead.board.overdue"));
        overdue.setId("board-overdue");
        search.setLabel(getTranslation("lead.search"));
        search.setPlaceholder(getTranslation("lead.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("board-search");
        more = new LeadFilterFields(this, catalog, users, courses, "board");

        var list = new Button(getTranslation("lead.board.to-list"), VaadinIcon.LIST.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(LeadsView.ROUTE)));
        list.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        list.setId("board-list");
        var bar = new HorizontalLayout(campus, search, source, overdue, list);
        bar.setWrap(true);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        var moreFilters = new HorizontalLayout();
        moreFilters.setWrap(true);
        more.fields().forEach(moreFilters::add);
        var details = new Details(getTranslation("lead.filter.more"), moreFilters);
        details.setId("board-more-filters");

        var columns = new HorizontalLayout();
        columns.setId("board-columns");
        columns.setWidthFull();
        columns.setSpacing(true);
        // a tablet shows two or three columns and scrolls sideways to the others
        columns.getStyle().set("overflow-x", "auto").set("min-height", "0")
                .set("padding-bottom", "var(--lumo-space-s)");
        for (LeadStage stage : LeadStage.values()) {
            columns.add(column(stage));
        }
        campus.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        more.onChange(this::refresh);

        add(new H2(getTranslation("lead.board.title")), bar, details, columns);
        setFlexGrow(1, columns);
        refresh();
    }

    /** {@code leads/board?campus=2}: opens on that campus, when the user may see it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("campus").ifPresent(value -> campus
                .getListDataView().getItems().filter(c -> String.valueOf(c.id()).equals(value)).findFirst()
                .ifPresent(campus::setValue));
    }

    private Div column(LeadStage stage) {
        var name = new Span(getTranslation(stage.messageKey()));
        name.getStyle().set("font-weight", "600");
        var count = new Badge("0", stage == LeadStage.ENROLLED ? Badge.Tone.SUCCESS
                : stage == LeadStage.LOST ? Badge.Tone.ERROR : Badge.Tone.CONTRAST);
        count.setId("board-count-" + stage.name());
        countLabels.put(stage, count);
        var header = new HorizontalLayout(name, count);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setWidthFull();

        var cards = new VirtualList<LeadCard>();
        cards.setId("board-cards-" + stage.name());
        // the size is the grouped count's: a column never counts on its own
        cards.setDataProvider(DataProvider.fromCallbacks(query -> fetch(stage, query.getOffset(), query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, counts.getOrDefault(stage, 0L))));
        cards.setRenderer(new ComponentRenderer<>(this::card));
        cards.getStyle().set("flex", "1 1 auto").set("min-height", "0");
        cards.getElement().setAttribute("aria-label", getTranslation(stage.messageKey()));
        lists.put(stage, cards);

        var column = new Div(header, cards);
        column.setId("board-column-" + stage.name());
        column.getStyle().set("display", "flex").set("flex-direction", "column").set("flex", "0 0 16rem")
                .set("height", "100%").set("box-sizing", "border-box").set("padding", "var(--lumo-space-s)")
                .set("gap", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)");
        var target = DropTarget.create(column);
        target.addDropListener(e -> e.getDragData().filter(LeadCard.class::isInstance).map(LeadCard.class::cast)
                .ifPresent(card -> drop(card, stage)));
        return column;
    }

    /**
     * The rows a column's list asks for, a page of the service at a time (a list asks for what it scrolls to, which
     * may span more than one page when scrolled far at once).
     */
    private java.util.stream.Stream<LeadCard> fetch(LeadStage stage, int offset, int limit) {
        List<LeadCard> rows = new java.util.ArrayList<>();
        while (rows.size() < limit) {
            var page = leads.cards(filter, stage, offset + rows.size(), Math.min(limit - rows.size(),
                    LeadService.BOARD_PAGE));
            rows.addAll(page);
            if (page.size() < LeadService.BOARD_PAGE) {
                break;
            }
        }
        return rows.stream();
    }

    private Div card(LeadCard c) {
        var child = new Span(c.childName());
        child.getStyle().set("font-weight", "600");
        var card = new Div(child);
        if (c.guardianName() != null) {
            card.add(line(c.guardianName()));
        }
        card.add(line(LeadTexts.choice(this, c.source()) + " · " + (c.ownerName() == null
                ? getTranslation("lead.pool") : c.ownerName())));
        if (c.nextActionOn() != null) {
            var next = line(getTranslation(c.nextAction() == null ? "lead.next.other" : c.nextAction().messageKey())
                    + " · " + dates.format(c.nextActionOn()));
            card.add(next);
            if (c.overdue()) {
                var late = new Badge(getTranslation("lead.board.overdue-badge"), Badge.Tone.ERROR);
                next.add(new Span(" "), late);
            }
        } else if (c.stage().open()) {
            card.add(line(getTranslation("lead.no-next-step")));
        }
        card.setId("board-card-" + c.id());
        card.addClassName("board-card");
        card.getStyle().set("background", "var(--lumo-base-color)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("padding", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-s)").set("cursor", "grab")
                .set("font-size", "var(--lumo-font-size-s)");
        card.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(LeadView.route(c.id()))));
        var drag = DragSource.create(card);
        drag.setDragData(c);
        return card;
    }

    private Div line(String text) {
        var line = new Div(new Span(text));
        line.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return line;
    }

    /**
     * A card dropped on a column: the lead moves there (asking why, onto Lost), or the service's refusal is shown and
     * the board stays as it was.
     */
    void drop(LeadCard card, LeadStage stage) {
        if (stage == card.stage()) {
            return;
        }
        if (stage == LeadStage.LOST) {
            askLostReason(card);
            return;
        }
        move(card, stage, null);
    }

    private void askLostReason(LeadCard card) {
        var dialog = new Dialog();
        dialog.setId("board-lost-dialog");
        dialog.setHeaderTitle(getTranslation("lead.board.lost.title", card.childName()));
        var reason = new Select<LeadChoice>();
        reason.setLabel(getTranslation("lead.lost-reason"));
        reason.setItems(reasons);
        reason.setItemLabelGenerator(c -> c == null ? "" : LeadTexts.choice(this, c));
        reason.setId("board-lost-reason");
        var confirm = ServiceErrors.primary(getTranslation("lead.board.lost.confirm"));
        confirm.setId("board-lost-confirm");
        confirm.addClickListener(e -> {
            if (move(card, LeadStage.LOST, reason.getValue() == null ? null : reason.getValue().id(), reason)) {
                dialog.close();
            }
        });
        var cancel = new Button(getTranslation("lead.cancel"), e -> dialog.close());
        cancel.setId("board-lost-cancel");
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private boolean move(LeadCard card, LeadStage stage, @Nullable Long reasonId) {
        return move(card, stage, reasonId, null);
    }

    /** Moves the lead; true when it moved. A refusal on the reason is shown on {@code reasonField}. */
    private boolean move(LeadCard card, LeadStage stage, @Nullable Long reasonId,
            @Nullable Select<LeadChoice> reasonField) {
        try {
            leads.changeStage(card.id(), card.version(), stage, reasonId);
            Notifications.success(getTranslation("lead.board.moved", card.childName(),
                    getTranslation(stage.messageKey())));
            refresh();
            return true;
        } catch (NotFoundException gone) {
            Notifications.error(getTranslation("lead.board.gone"));
            refresh();
            return false;
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, f -> "lostReasonId".equals(f) ? reasonField : null, this::refresh)) {
                throw error;
            }
            return false;
        }
    }

    /** Counts every column in one statement, then has each read its first page again. */
    void refresh() {
        var chosen = campus.getValue();
        filter = more.filter(chosen == null ? null : chosen.id(), null, false, false, overdue.getValue(),
                source.getValue() == null ? null : source.getValue().id(), search.getValue().isBlank() ? null
                        : search.getValue());
        counts = leads.stageCounts(filter);
        for (LeadStage stage : LeadStage.values()) {
            countLabels.get(stage).setText(String.valueOf(counts.getOrDefault(stage, 0L)));
        }
        lists.values().forEach(l -> l.getDataProvider().refreshAll());
    }

    /** For tests: a column's cards. */
    VirtualList<LeadCard> cards(LeadStage stage) {
        return lists.get(stage);
    }

    @Override
    public String titleKey() {
        return "lead.board.title";
    }
}
