package io.campuscrm.scheduling.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.SchedulingNavigation;
import io.campuscrm.scheduling.SessionTags;
import io.campuscrm.scheduling.TimetablePrinter;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.timetable.TimetableWeeks;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.WeekTimetable;
import io.campuscrm.students.StudentSearch;

import jakarta.annotation.security.RolesAllowed;

/**
 * The week timetable of a campus, teacher, room, class or student. The URL is the truth about what is shown
 * ({@code timetable?scope=teacher&id=5&week=2026-11-16}; without a week, the current one), so the back button and bookmarks
 * work. Without a scope a teacher sees their own timetable and everyone else their (first) campus's. What the user may
 * not see is refused with a message (another teacher's timetable for a teacher, another campus for a campus-limited
 * user) or narrowed by the service. A block opens its class; "Print" downloads the week as a PDF.
 */
@Route(SchedulingNavigation.TIMETABLE)
@Menu(title = "nav.timetable", order = 17, icon = "vaadin:calendar")
@RolesAllowed({"ADMIN", "ADMISSIONS", "TEACHER", "FINANCE"})
class TimetableView extends VerticalLayout implements LocalizedTitle, BeforeEnterObserver {

    static final String SCOPE = "scope";
    static final String ID = "id";
    static final String WEEK = "week";
    private static final int STUDENT_MATCHES = 50;

    private final TimetableService timetables;
    private final ClassSearch classes;
    private final RoomService rooms;
    private final StudentSearch students;
    private final UserService users;
    private final @Nullable TimetablePrinter printer;
    private final List<SessionTags> tags;
    private final Clock clock;
    private final List<Campus> campuses;
    private final @Nullable Long teacherId;
    private final boolean onlyOwnTimetable;

    private final Select<TimetableKind> kind = new Select<>();
    private final ComboBox<SubjectOption> subject = new ComboBox<>();
    private final Anchor print = new Anchor();
    private final Paragraph message = new Paragraph();
    private final WeekTimetable week;
    private TimetableBlocks blocks;
    private @Nullable TimetableScope scope;
    private long shownId;

    TimetableView(TimetableService timetables, ClassSearch classes, RoomService rooms, StudentSearch students,
            UserService users, InstitutionService institution, CurrentUser currentUser,
            ObjectProvider<TimetablePrinter> printer, ObjectProvider<SessionTags> tags, Clock clock) {
        this.timetables = timetables;
        this.classes = classes;
        this.rooms = rooms;
        this.students = students;
        this.users = users;
        this.printer = printer.getIfAvailable();
        this.tags = tags.orderedStream().toList();
        this.clock = clock.withZone(institution.settings().timeZone());
        var principal = currentUser.principal();
        Set<Long> allowed = principal.map(CampusPrincipal::campusIds).orElse(Set.of());
        this.campuses = institution.campuses().stream()
                .filter(c -> allowed.isEmpty() || allowed.contains(c.id())).toList();
        this.teacherId = currentUser.hasRole(Role.TEACHER) ? principal.map(CampusPrincipal::userId).orElse(null) : null;
        this.onlyOwnTimetable = !currentUser.hasRole(Role.ADMIN) && !currentUser.hasRole(Role.ADMISSIONS)
                && !currentUser.hasRole(Role.FINANCE);
        this.blocks = new TimetableBlocks(true, this, this.tags);
        setSizeFull();
        setId("timetable-view");

        kind.setAriaLabel(getTranslation("timetable.kind"));
        kind.setItems(TimetableKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kind.setId("timetable-kind");
        kind.setWidth("9rem");
        kind.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                kindChosen(e.getValue());
            }
        });
        subject.setAriaLabel(getTranslation("timetable.subject"));
        subject.setItemLabelGenerator(SubjectOption::label);
        subject.setId("timetable-subject");
        subject.setMinWidth("14rem");
        subject.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show(kind.getValue(), e.getValue().id(), shownWeek());
            }
        });
        var printButton = new Button(getTranslation("timetable.print"), VaadinIcon.PRINT.create());
        printButton.setTabIndex(-1); // the link around it takes the focus
        print.add(printButton);
        print.setId("timetable-print");
        print.setVisible(false);
        var bar = new HorizontalLayout(kind, subject, print);
        bar.addClassName("filter-bar");
        bar.setWidthFull();
        bar.expand(subject);
        message.setId("timetable-message");
        message.setVisible(false);

        week = new WeekTimetable(this.clock, monday -> {
            var shown = scope;
            return shown == null ? List.of()
                    : blocks.of(timetables.sessionsBetween(shown, monday, monday.plusDays(7)));
        });
        week.setId("timetable");
        week.addWeekChangeListener(e -> {
            if (e.isFromClient() && scope != null) {
                show(kind.getValue(), shownId, e.getWeek());
            }
        });
        week.addBlockClickListener(e -> blocks.classOf(e.getBlockId())
                .ifPresent(classId -> getUI().ifPresent(ui -> ui.navigate(SchedulingNavigation.classPage(classId)))));
        add(bar, message, week);
        expand(week);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        var requestedKind = parameters.getSingleParameter(SCOPE).flatMap(TimetableKind::of);
        var id = parameters.getSingleParameter(ID).flatMap(TimetableView::number);
        if (requestedKind.isEmpty() || id.isEmpty()) {
            var fallback = defaultTimetable();
            if (fallback.isPresent()) {
                event.forwardTo(TimetableView.class, query(fallback.get().kind(), fallback.get().id(), null));
                return;
            }
        }
        if (requestedKind.isPresent() && id.isPresent()
                && timetables.subjectName(requestedKind.get().scope(id.get())).isEmpty()) {
            // an address naming a timetable that does not exist or is not the user's: the shared not-found page
            event.rerouteToError(NotFoundException.class);
            return;
        }
        LocalDate day = parameters.getSingleParameter(WEEK).flatMap(TimetableView::date)
                .orElseGet(() -> LocalDate.now(clock));
        apply(requestedKind.orElse(TimetableKind.CAMPUS), id.orElse(null), day);
    }

    private record Shown(TimetableKind kind, long id) {
    }

    /** A teacher's own timetable, else the first of the user's campuses. */
    private Optional<Shown> defaultTimetable() {
        if (teacherId != null) {
            return Optional.of(new Shown(TimetableKind.TEACHER, teacherId));
        }
        return campuses.stream().findFirst().map(c -> new Shown(TimetableKind.CAMPUS, c.id()));
    }

    private void apply(TimetableKind shownKind, @Nullable Long id, LocalDate day) {
        kind.setValue(shownKind);
        offer(shownKind);
        blocks = new TimetableBlocks(shownKind != TimetableKind.ROOM, this, tags);
        var requested = id == null ? null : shownKind.scope(id);
        Optional<String> name = requested == null ? Optional.empty() : timetables.subjectName(requested);
        scope = name.isPresent() ? requested : null;
        shownId = id == null ? -1 : id;
        subject.setValue(name.map(n -> new SubjectOption(id, n)).orElse(null));
        message.setVisible(scope == null);
        week.setVisible(scope != null);
        message.setText(getTranslation(id == null ? "timetable.choose" : "timetable.not-available"));
        showPrint(day);
        boolean sameWeek = TimetableWeeks.mondayOf(day).equals(week.getWeek());
        week.setWeek(day);
        if (sameWeek) {
            week.refresh();
        }
    }

    /** The picker's choices for a kind: what the user may see, searched lazily where there may be many. */
    private void offer(TimetableKind shownKind) {
        subject.setPlaceholder(getTranslation("timetable.choose." + shownKind.param));
        switch (shownKind) {
            case CAMPUS -> subject.setItems(campuses.stream().map(c -> new SubjectOption(c.id(), c.name())).toList());
            case TEACHER -> {
                if (onlyOwnTimetable && teacherId != null) {
                    subject.setItems(List.of(new SubjectOption(teacherId,
                            users.displayNames(Set.of(teacherId)).getOrDefault(teacherId, "#" + teacherId))));
                } else {
                    subject.setItems(query -> users.colleagues(Role.TEACHER, query.getFilter().orElse(null),
                            VaadinSpringDataHelpers.toSpringPageRequest(query)).stream()
                            .map(t -> new SubjectOption(t.id(), t.displayName())));
                }
            }
            case ROOM -> {
                Map<Long, String> campusNames = new LinkedHashMap<>();
                campuses.forEach(c -> campusNames.put(c.id(), c.name()));
                subject.setItems(query -> rooms.find(new RoomFilter(null, query.getFilter().orElse(null), true),
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream()
                        .map(r -> new SubjectOption(r.id(), campusNames.containsKey(r.campusId())
                                ? r.name() + " · " + campusNames.get(r.campusId()) : r.name())));
            }
            case CLASS -> subject.setItems(query -> classes.find(new ClassFilter(query.getFilter().orElse(null),
                    null, null, null, null, null), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream()
                    .map(c -> new SubjectOption(c.id(), c.code() + " — " + c.name())));
            case STUDENT -> subject.setItems(query -> {
                String text = query.getFilter().orElse("");
                int wanted = Math.min(query.getOffset() + query.getLimit(), STUDENT_MATCHES);
                return students.quickSearch(text, wanted).stream().skip(query.getOffset())
                        .map(s -> new SubjectOption(s.id(), s.displayName() + " · " + s.studentNumber()));
            });
        }
    }

    /** A new kind from the picker: shown at once where there is an obvious choice, otherwise waiting for one. */
    private void kindChosen(TimetableKind chosen) {
        Optional<Long> obvious = switch (chosen) {
            case CAMPUS -> campuses.size() == 1 ? Optional.of(campuses.getFirst().id()) : Optional.empty();
            case TEACHER -> Optional.ofNullable(teacherId);
            default -> Optional.empty();
        };
        if (obvious.isPresent()) {
            show(chosen, obvious.get(), week.getWeek());
        } else {
            apply(chosen, null, week.getWeek());
        }
    }

    private LocalDate shownWeek() {
        return week.getWeek();
    }

    private void show(TimetableKind shownKind, long id, LocalDate day) {
        getUI().ifPresent(ui -> ui.navigate(TimetableView.class, query(shownKind, id, day)));
    }

    /** Without a week (the default timetable) it is always the current week. */
    private static QueryParameters query(TimetableKind shownKind, long id, @Nullable LocalDate day) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(SCOPE, shownKind.param);
        parameters.put(ID, String.valueOf(id));
        if (day != null) {
            parameters.put(WEEK, TimetableWeeks.mondayOf(day).toString());
        }
        return QueryParameters.simple(parameters);
    }

    private void showPrint(LocalDate day) {
        var shown = scope;
        var pdf = printer;
        print.setVisible(shown != null && pdf != null);
        if (shown == null || pdf == null) {
            return;
        }
        var locale = getLocale();
        var monday = TimetableWeeks.mondayOf(day);
        DownloadHandler handler = event -> {
            event.setFileName(pdf.fileName(shown, monday));
            event.setContentType("application/pdf");
            pdf.printPdf(shown, monday, locale, event.getOutputStream());
        };
        print.setHref(handler, AttachmentType.DOWNLOAD);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // a mistyped week shows this week
        }
    }

    @Override
    public String titleKey() {
        return "nav.timetable";
    }
}
