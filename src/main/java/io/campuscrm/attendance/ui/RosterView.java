package io.campuscrm.attendance.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.Roster;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

import jakarta.annotation.security.RolesAllowed;

/**
 * A session's roster on a tablet: one tap marks everyone present, then a tap per exception; saving sends every mark
 * in one request. When another user saved the roster meanwhile, their marks are taken for the seats they changed and
 * this user's kept for the rest, and the user is told whose marks changed before saving again.
 */
@Route("sessions/:sessionId([0-9]+)/attendance")
@RolesAllowed({"ADMIN", "ADMISSIONS", "TEACHER", "FINANCE"})
class RosterView extends VerticalLayout implements BeforeEnterObserver, LocalizedTitle {

    private final AttendanceService attendance;
    private final ZoneId zone;
    private final java.util.Currency currency;
    private long sessionId;
    private @Nullable Roster roster;
    /** The marks as saved when the roster was loaded, and the marks on screen now, by seat. */
    private final Map<String, SeatMark> saved = new HashMap<>();
    private final Map<String, SeatMark> onScreen = new LinkedHashMap<>();
    private final Map<String, SeatCard> cards = new HashMap<>();
    private final Div grid = new Div();
    private final Span state = new Span();
    private final Button save = ServiceErrors.primary("");

    RosterView(AttendanceService attendance, InstitutionService institution) {
        this.attendance = attendance;
        this.zone = institution.settings().timeZone();
        this.currency = institution.settings().currency();
        setId("roster");
        grid.addClassName("roster-grid");
        save.setText(getTranslation("roster.save"));
        save.setId("roster-save");
        save.addClickListener(e -> save());
    }

    @Override
    public String titleKey() {
        return "roster.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            sessionId = Long.parseLong(event.getRouteParameters().get("sessionId").orElseThrow());
            load(attendance.roster(sessionId));
        } catch (NumberFormatException | NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void load(Roster fresh) {
        roster = fresh;
        saved.clear();
        onScreen.clear();
        for (var line : fresh.lines()) {
            if (line.mark() != null) {
                var m = line.mark();
                var mark = new SeatMark(line.seat().key(), m.status(), m.lateMinutes(), m.note());
                saved.put(line.seat().key(), mark);
                onScreen.put(line.seat().key(), mark);
            } else if (line.leaveReason() != null) {
                onScreen.put(line.seat().key(), new SeatMark(line.seat().key(), AttendanceStatus.EXCUSED, null,
                        line.leaveReason()));
            }
        }
        render();
    }

    private void render() {
        var r = Objects.requireNonNull(roster);
        removeAll();
        var s = r.session();
        var locale = getLocale();
        var title = new H2(s.classCode() + " — " + s.className());
        title.getStyle().set("margin", "0");
        var when = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(s.date()) + " · "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(s.startsLocal())
                + "–" + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(s.endsLocal())
                + " · " + s.roomName() + (s.teacherNames().isEmpty() ? "" : " · " + Lists.join(locale,
                        s.teacherNames()));
        var facts = new Span(when);
        facts.addClassName("seat-facts");
        updateState();
        add(title, facts, state);
        if (!r.editable() && r.lockedKey() != null) {
            var locked = new Badge(getTranslation(r.lockedKey()), Badge.Tone.CONTRAST);
            locked.setId("roster-locked");
            add(locked);
        }
        var allPresent = new Button(getTranslation("roster.all-present"), e -> markAllPresent());
        allPresent.setId("roster-all-present");
        allPresent.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        var history = new Button(getTranslation("roster.history"), e -> new RosterHistoryDialog(attendance, sessionId,
                r, zone).open());
        history.setId("roster-history");
        allPresent.setEnabled(r.editable());
        save.setEnabled(r.editable());
        var bar = new HorizontalLayout(allPresent, save, history);
        bar.addClassName("roster-bar");
        add(bar);
        grid.removeAll();
        cards.clear();
        for (var line : r.lines()) {
            var card = new SeatCard(line, r.editable(), currency, this::changed);
            cards.put(line.seat().key(), card);
            card.show(onScreen.get(line.seat().key()), isChanged(line.seat().key()));
            grid.add(card);
        }
        if (r.lines().isEmpty()) {
            add(new Span(getTranslation("roster.empty")));
        }
        add(grid);
    }

    private void updateState() {
        var r = Objects.requireNonNull(roster);
        long marked = r.lines().stream().filter(l -> onScreen.containsKey(l.seat().key())).count();
        String text;
        Badge.Tone tone;
        if (!r.taken()) {
            text = getTranslation("roster.state.not-taken", marked, r.lines().size());
            tone = Badge.Tone.NEUTRAL;
        } else {
            var at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                    .format(Objects.requireNonNull(r.updatedAt()).atZone(zone));
            text = getTranslation("roster.state.taken", r.updatedBy(), at, marked, r.lines().size());
            tone = marked < r.lines().size() ? Badge.Tone.CONTRAST : Badge.Tone.SUCCESS;
        }
        state.removeAll();
        var badge = new Badge(text, tone);
        badge.setId("roster-state");
        state.add(badge);
    }

    private boolean isChanged(String seat) {
        return !Objects.equals(saved.get(seat), onScreen.get(seat));
    }

    private void changed(String seat, @Nullable SeatMark mark) {
        if (mark == null) {
            onScreen.remove(seat);
        } else {
            onScreen.put(seat, mark);
        }
        cards.get(seat).show(mark, isChanged(seat));
        updateState();
    }

    private void markAllPresent() {
        for (var line : Objects.requireNonNull(roster).lines()) {
            String seat = line.seat().key();
            if (!onScreen.containsKey(seat)) {
                changed(seat, SeatMark.of(seat, AttendanceStatus.PRESENT));
            }
        }
    }

    private void save() {
        var r = Objects.requireNonNull(roster);
        var marks = new ArrayList<>(onScreen.values());
        try {
            var result = attendance.save(sessionId, r.version(), marks);
            Notifications.success(getTranslation("roster.saved", result.changed()));
            load(attendance.roster(sessionId));
        } catch (StaleEditException stale) {
            merge(attendance.roster(sessionId));
        } catch (RuntimeException e) {
            if (!ServiceErrors.show(this, e, field -> null, () -> load(attendance.roster(sessionId)))) {
                throw e;
            }
        }
    }

    /** Takes the other user's marks where they changed a seat, keeps this user's for the rest. */
    private void merge(Roster fresh) {
        var mine = new LinkedHashMap<>(onScreen);
        var base = new HashMap<>(saved);
        load(fresh);
        List<String> theirs = new ArrayList<>();
        for (var line : fresh.lines()) {
            String seat = line.seat().key();
            var now = saved.get(seat);
            if (!Objects.equals(base.get(seat), now)) {
                if (!Objects.equals(mine.get(seat), now)) {
                    theirs.add(line.seat().name());
                }
            } else if (mine.containsKey(seat)) {
                onScreen.put(seat, mine.get(seat));
            }
        }
        render();
        Notifications.error(getTranslation("roster.merged", fresh.updatedBy(), theirs.isEmpty()
                ? getTranslation("roster.merged.none") : Lists.join(getLocale(), theirs)));
    }
}
