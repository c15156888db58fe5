package io.campuscrm.admissions.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

import io.campuscrm.admissions.FollowUp;
import io.campuscrm.admissions.FollowUpDraft;
import io.campuscrm.admissions.FollowUpKind;
import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadCampaign;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadEvent;
import io.campuscrm.admissions.LeadList;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.admissions.LeadConversionService;
import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.admissions.TrialService;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.FamilyService;

import jakarta.annotation.security.RolesAllowed;

/**
 * A lead's page: who asked, how to reach them, where they came from (source, campaign, referring family), its stage
 * and owner, its next step; taking it or giving it back to
 * the pool, moving its stage, logging a follow-up with the next action (or closing it as lost); its trial lessons
 * ({@link LeadTrialsSection}); its follow-ups and history. Another campus's lead is "not found".
 */
@Route(LeadsView.ROUTE + "/:leadId([0-9]+)")
@RolesAllowed({"ADMIN", "ADMISSIONS"})
class LeadView extends VerticalLayout implements BeforeEnterObserver, LocalizedTitle {

    private final LeadService leads;
    private final LeadPoolService pool;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Map<Long, String> campusNames;
    private final ZoneId zone;
    private final Clock clock;
    private final List<LeadChoice> reasons;
    private final List<LeadChoice> sources;
    private final List<LeadChoice> allReasons;
    private final LeadCatalogService catalog;
    private final FamilyService families;
    private final TrialService trials;
    private final LeadConversionService conversions;
    private final ClassSearch classes;
    private final CourseService courses;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;
    private @Nullable Lead lead;
    private Map<Long, String> ownerNames = Map.of();

    /** History lines whose values are owners' ids. */
    private static final java.util.Set<String> OWNER_KINDS = java.util.Set.of("OWNER", "CLAIMED", "RELEASED",
            "RETURNED");

    LeadView(LeadService leads, LeadPoolService pool, LeadCatalogService catalog, FamilyService families,
            UserService users, InstitutionService institution, CurrentUser currentUser, Clock clock,
            TrialService trials, CourseService courses, LeadConversionService conversions, ClassSearch classes) {
        this.conversions = conversions;
        this.classes = classes;
        this.leads = leads;
        this.pool = pool;
        this.trials = trials;
        this.courses = courses;
        this.catalog = catalog;
        this.families = families;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
        this.campusNames = institution.campuses().stream().collect(Collectors.toMap(Campus::id, Campus::name));
        this.zone = institution.settings().timeZone();
        this.reasons = leads.lostReasons();
        // all entries, so that a lead keeps showing a source or reason deactivated since
        this.sources = catalog.entries(LeadList.SOURCES).stream().map(LeadListEntry::choice).toList();
        this.allReasons = catalog.entries(LeadList.LOST_REASONS).stream().map(LeadListEntry::choice).toList();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        setId("lead");
        setMaxWidth("72rem");
    }

    static String route(long id) {
        return LeadsView.ROUTE + "/" + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            show(leads.get(Long.parseLong(event.getRouteParameters().get("leadId").orElseThrow())));
        } catch (NumberFormatException | NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(Lead shown) {
        lead = shown;
        removeAll();
        var back = new Button(getTranslation("lead.back"), e -> getUI().ifPresent(ui -> ui.navigate(LeadsView.ROUTE)));
        back.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        var stageBadge = new Badge(getTranslation(shown.stage().messageKey()), shown.stage().open()
                ? Badge.Tone.CONTRAST : shown.stage() == LeadStage.ENROLLED ? Badge.Tone.SUCCESS : Badge.Tone.ERROR);
        stageBadge.setId("lead-stage");
        var title = new HorizontalLayout(new H2(shown.childName()), stageBadge);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(back, title, new LeadMatchesSection(leads, currentUser, shown, this::showOrOpen, this::reload));
        add(facts(shown));
        if (shown.mergedIntoId() == null) {
            add(ownerActions(shown));
        }
        if (shown.studentId() != null) {
            var student = new com.vaadin.flow.component.html.Anchor("students/" + shown.studentId() + "/timeline",
                    getTranslation("lead.convert.open-student"));
            student.getElement().setAttribute("router-link", true);
            student.setId("lead-student");
            add(student);
        }
        if (shown.stage() != LeadStage.ENROLLED && shown.mergedIntoId() == null) {
            add(new H3(getTranslation("lead.stage.change")), stageForm(shown));
        }
        if (shown.stage().open() && shown.mergedIntoId() == null) {
            add(new H3(getTranslation("lead.follow-up.log")), followUpForm(shown));
        }
        add(new LeadTrialsSection(trials, courses, shown, this::reload));
        add(new H3(getTranslation("lead.follow-ups")), followUps(shown), new H3(getTranslation("lead.history")),
                history(shown));
    }

    /** Shows a lead changed here; the survivor of a merge, or the lead a merge was undone for, on its own page. */
    private void showOrOpen(Lead changed) {
        if (lead != null && changed.id() != lead.id()) {
            getUI().ifPresent(ui -> ui.navigate(route(changed.id())));
        } else {
            show(changed);
        }
    }

    private Div facts(Lead l) {
        String owner = l.ownerId() == null ? getTranslation("lead.pool")
                : users.displayNames(List.of(l.ownerId())).getOrDefault(l.ownerId(), "#" + l.ownerId());
        String next = l.nextActionOn() == null ? (l.stage().open() ? getTranslation("lead.no-next-step") : "—")
                : getTranslation(l.nextAction() == null ? "lead.next.other" : l.nextAction().messageKey()) + " · "
                        + dates.format(l.nextActionOn());
        var facts = new Div();
        facts.setId("lead-facts");
        facts.addClassName("lead-facts");
        fact(facts, "lead.guardian", l.guardianName() == null ? "—" : l.guardianName());
        fact(facts, "lead.phone", l.phone() == null ? "—" : ContactNormaliser.display(l.phone()));
        fact(facts, "lead.email", l.email() == null ? "—" : l.email());
        fact(facts, "lead.campus", campusNames.getOrDefault(l.campusId(), ""));
        fact(facts, "lead.source", sources.stream().filter(c -> c.id() == l.sourceId()).findFirst()
                .map(c -> LeadTexts.choice(this, c)).orElse("—"));
        if (l.campaignId() != null) {
            fact(facts, "lead.campaign.label", catalog.campaignsById(List.of(l.campaignId())).values().stream()
                    .map(LeadCampaign::name).findFirst().orElse("#" + l.campaignId())).setId("lead-campaign");
        }
        if (l.referringFamilyId() != null) {
            // no page of its own for a family (it is a tab of each child's file): named, not linked
            fact(facts, "lead.campaign.referrer", families.summaries(List.of(l.referringFamilyId())).values().stream()
                    .map(LeadTexts::family).findFirst().orElse("#" + l.referringFamilyId())).setId("lead-referrer");
        }
        if (l.lostReasonId() != null) {
            fact(facts, "lead.lost-reason", allReasons.stream().filter(c -> c.id() == l.lostReasonId()).findFirst()
                    .map(c -> LeadTexts.choice(this, c)).orElse("—"));
        }
        fact(facts, "lead.owner", owner).setId("lead-owner");
        fact(facts, "lead.next-action", next).setId("lead-next");
        fact(facts, "lead.created", times.format(l.createdAt().atZone(zone)));
        fact(facts, "lead.channel", getTranslation(l.channel().messageKey())).setId("lead-channel");
        if (l.consentAt() != null) {
            fact(facts, "lead.consent", times.format(l.consentAt().atZone(zone))).setId("lead-consent");
        }
        if (l.message() != null) {
            fact(facts, "lead.message", l.message());
        }
        return facts;
    }

    private Span fact(Div facts, String labelKey, String value) {
        var text = new Span(value);
        var label = new Span(getTranslation(labelKey));
        label.addClassName("lead-fact-label");
        // the label in the secondary colour and a column of its own, so that the values line up
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("display", "inline-block")
                .set("min-width", "9rem");
        facts.add(new Div(label, text));
        return text;
    }

    private HorizontalLayout ownerActions(Lead l) {
        var actions = new HorizontalLayout();
        long me = currentUser.principal().map(p -> p.userId()).orElse(-1L);
        if (l.stage().open()) {
            var convert = new Button(getTranslation("lead.convert"), e -> new ConvertDialog(conversions, classes,
                    courses, families, leads.matchesOf(l.id()), l, java.time.LocalDate.now(clock.withZone(zone)),
                    done -> {
                        Notifications.success(getTranslation("lead.converted", done.studentNumber()));
                        getUI().ifPresent(ui -> ui.navigate("students/" + done.studentId() + "/timeline"));
                    }).open());
            convert.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SUCCESS);
            convert.setId("lead-convert");
            actions.add(convert);
        }
        boolean admin = currentUser.hasRole(Role.ADMIN);
        if (currentUser.hasRole(Role.ADMISSIONS) && l.ownerId() == null && l.stage().open()) {
            // from the pool: a claim, with the pool's cap and cool-down
            var take = new Button(getTranslation("lead.take"), e -> act(() -> pool.claim(l.id()), "lead.taken",
                    f -> null));
            take.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
            take.setId("lead-take");
            actions.add(take);
        } else if (admin && currentUser.hasRole(Role.ADMISSIONS) && !Long.valueOf(me).equals(l.ownerId())
                && l.stage().open()) {
            var take = new Button(getTranslation("lead.take"), e -> act(() -> leads.assign(l.id(), l.version(), me),
                    "lead.taken", f -> null));
            take.setId("lead-take");
            actions.add(take);
        }
        if (l.ownerId() != null && l.stage().open() && (admin || Long.valueOf(me).equals(l.ownerId()))) {
            var release = new Button(getTranslation("lead.release"), e -> act(() -> pool.release(l.id(),
                    l.version()), "lead.released", f -> null));
            release.setId("lead-release");
            actions.add(release);
        }
        if (l.ownerId() != null && l.stage().open() && l.quietSince() != null) {
            var rules = pool.rules(l.campusId());
            if (rules.returnDays() > 0) {
                var returns = java.time.LocalDate.ofInstant(l.quietSince().plus(java.time.Duration.ofDays(
                        rules.returnDays())), zone);
                var note = new Span(getTranslation("lead.pool.returns-on", dates.format(returns),
                        rules.returnDays()));
                note.setId("lead-returns-on");
                note.getStyle().set("color", "var(--lumo-secondary-text-color)");
                actions.add(note);
                actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            }
        }
        return actions;
    }

    private FormLayout stageForm(Lead l) {
        var stage = new Select<LeadStage>();
        stage.setLabel(getTranslation("lead.stage"));
        stage.setItems(Arrays.stream(LeadStage.values()).filter(s -> s != LeadStage.ENROLLED).toList());
        stage.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        stage.setValue(l.stage());
        stage.setId("lead-stage-select");
        var reason = reasonSelect("lead-lost-reason");
        reason.setVisible(l.stage() == LeadStage.LOST);
        stage.addValueChangeListener(e -> reason.setVisible(e.getValue() == LeadStage.LOST));
        var change = new Button(getTranslation("lead.stage.save"), e -> act(() -> leads.changeStage(l.id(),
                l.version(), stage.getValue(), stage.getValue() == LeadStage.LOST && reason.getValue() != null
                        ? reason.getValue().id() : null), "lead.stage.saved",
                f -> "lostReasonId".equals(f) ? reason : "stage".equals(f) ? stage : null));
        change.setId("lead-stage-save");
        return new FormLayout(stage, reason, change);
    }

    private FormLayout followUpForm(Lead l) {
        var kind = new Select<FollowUpKind>();
        kind.setLabel(getTranslation("lead.follow-up.kind"));
        kind.setItems(FollowUpKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(FollowUpKind.CALL);
        kind.setId("follow-up-kind");
        var outcome = new TextArea(getTranslation("lead.follow-up.outcome"));
        outcome.setId("follow-up-outcome");
        var next = new Select<NextAction>();
        next.setLabel(getTranslation("lead.next-action"));
        next.setItems(NextAction.values());
        next.setItemLabelGenerator(n -> getTranslation(n.messageKey()));
        next.setValue(NextAction.CALL);
        next.setId("follow-up-next");
        var on = DatePickers.localized(new DatePicker(getTranslation("lead.next-action-on")));
        on.setMin(LocalDate.now(clock.withZone(zone)));
        on.setId("follow-up-next-on");
        var close = reasonSelect("follow-up-lost-reason");
        close.setLabel(getTranslation("lead.follow-up.close"));
        close.setEmptySelectionAllowed(true);
        close.setEmptySelectionCaption(getTranslation("lead.follow-up.keep-open"));
        var save = ServiceErrors.primary(getTranslation("lead.follow-up.save"));
        save.setId("follow-up-save");
        save.addClickListener(e -> act(() -> leads.logFollowUp(l.id(), l.version(), new FollowUpDraft(
                kind.getValue(), outcome.getValue(), close.getValue() == null ? next.getValue() : null,
                close.getValue() == null ? on.getValue() : null, close.getValue() == null ? null
                        : close.getValue().id())), "lead.follow-up.saved", f -> switch (f) {
                            case "nextActionOn" -> on;
                            case "outcome" -> outcome;
                            case "lostReasonId" -> close;
                            default -> null;
                        }));
        var form = new FormLayout(kind, outcome, next, on, close, save);
        form.setColspan(outcome, 2);
        return form;
    }

    private Select<LeadChoice> reasonSelect(String id) {
        var reason = new Select<LeadChoice>();
        reason.setLabel(getTranslation("lead.lost-reason"));
        reason.setItems(reasons);
        reason.setItemLabelGenerator(c -> c == null ? getTranslation("lead.follow-up.keep-open")
                : LeadTexts.choice(this, c));
        reason.setId(id);
        return reason;
    }

    private Grid<FollowUp> followUps(Lead l) {
        var grid = new Grid<FollowUp>();
        grid.setId("lead-follow-ups");
        grid.addColumn(f -> times.format(f.happenedAt().atZone(zone))).setHeader(getTranslation("lead.when"))
                .setAutoWidth(true);
        grid.addColumn(f -> getTranslation(f.kind().messageKey()) + (f.leadId() == l.id() ? ""
                : " · " + getTranslation("lead.merge.marker"))).setHeader(getTranslation("lead.follow-up.kind"))
                .setAutoWidth(true);
        grid.addColumn(FollowUp::outcome).setHeader(getTranslation("lead.follow-up.outcome")).setFlexGrow(3);
        grid.addColumn(f -> f.nextActionOn() == null ? "" : getTranslation(f.nextAction() == null
                ? "lead.next.other" : f.nextAction().messageKey()) + " · " + dates.format(f.nextActionOn()))
                .setHeader(getTranslation("lead.next-action")).setAutoWidth(true);
        grid.addColumn(f -> f.by() == null ? "" : f.by()).setHeader(getTranslation("lead.by")).setAutoWidth(true);
        grid.setItems(leads.followUps(l.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<LeadEvent> history(Lead l) {
        var grid = new Grid<LeadEvent>();
        grid.setId("lead-history");
        grid.addColumn(e -> times.format(e.at().atZone(zone))).setHeader(getTranslation("lead.when"))
                .setAutoWidth(true);
        grid.addColumn(e -> describe(e) + (e.leadId() == l.id() ? "" : " · " + getTranslation("lead.merge.marker")))
                .setHeader(getTranslation("lead.what")).setFlexGrow(3);
        grid.addColumn(e -> e.actor() == null ? "" : e.actor()).setHeader(getTranslation("lead.by"))
                .setAutoWidth(true);
        var events = leads.history(l.id());
        // the names of the owners it mentions, read at once: not a look-up per line
        var ids = new java.util.HashSet<Long>();
        for (var e : events) {
            if (e.kind().equals("CREATED") && isId(e.detail())) {
                ids.add(Long.parseLong(e.detail()));
            }
            if (OWNER_KINDS.contains(e.kind())) {
                for (var v : new String[] {e.before(), e.after()}) {
                    if (isId(v)) {
                        ids.add(Long.parseLong(v));
                    }
                }
            }
        }
        ownerNames = ids.isEmpty() ? Map.of() : users.displayNames(ids);
        grid.setItems(events);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String describe(LeadEvent e) {
        var trial = LeadTrialsSection.describe(this, e);
        if (trial != null) {
            return trial;
        }
        return switch (e.kind()) {
            case "CREATED" -> !isId(e.detail()) ? getTranslation("lead.event.created")
                    : getTranslation("lead.event.created-for", owner(e.detail()));
            case "STAGE" -> getTranslation("lead.event.stage", stage(e.before()), stage(e.after()));
            case "OWNER" -> getTranslation("lead.event.owner", owner(e.before()), owner(e.after()));
            case "CLAIMED" -> getTranslation("lead.event.claimed", owner(e.after()));
            case "CONVERTED" -> getTranslation("lead.event.converted", String.valueOf(e.detail()));
            case "RELEASED" -> getTranslation("lead.event.released", owner(e.before()));
            case "RETURNED" -> getTranslation("lead.event.returned", owner(e.before()), String.valueOf(e.detail()));
            case "FOLLOW_UP" -> getTranslation("lead.event.follow-up", e.after() == null ? ""
                    : getTranslation(FollowUpKind.valueOf(e.after()).messageKey()));
            case "MERGED" -> getTranslation("lead.event.merged", String.valueOf(e.detail()));
            case "MERGED_INTO" -> getTranslation("lead.event.merged-into", String.valueOf(e.detail()));
            case "UNMERGED" -> getTranslation("lead.event.unmerged", String.valueOf(e.detail()));
            case "FAMILY" -> e.after() == null ? getTranslation("lead.event.family-unlinked")
                    : getTranslation("lead.event.family", String.valueOf(e.detail()));
            default -> e.kind();
        };
    }

    private String stage(@Nullable String name) {
        return name == null ? "—" : getTranslation(LeadStage.valueOf(name).messageKey());
    }

    /** Whether a history value is a user's id (the owner a lead was given), not empty or a word. */
    private static boolean isId(@Nullable String value) {
        return value != null && !value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit);
    }

    private String owner(@Nullable String id) {
        if (id == null) {
            return getTranslation("lead.pool");
        }
        long userId = Long.parseLong(id);
        return ownerNames.getOrDefault(userId, "#" + id);
    }

    private void act(Supplier<Lead> change, String doneKey,
            java.util.function.Function<String, @Nullable HasValidation> fields) {
        try {
            var changed = change.get();
            Notifications.success(getTranslation(doneKey));
            show(changed);
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, fields::apply, this::reload)) {
                throw error;
            }
        }
    }

    private void reload() {
        if (lead != null) {
            show(leads.get(lead.id()));
        }
    }

    @Override
    public String getPageTitle() {
        return lead == null ? getTranslation("nav.leads") : lead.childName();
    }

    @Override
    public String titleKey() {
        return "nav.leads";
    }
}
