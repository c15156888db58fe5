package io.campuscrm.shared.ui;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;

import io.campuscrm.shared.timetable.TimetableBlock;
import io.campuscrm.shared.timetable.TimetableLayout;
import io.campuscrm.shared.timetable.TimetableWeeks;

/**
 * A week of sessions at a glance: a column per day (Monday to Friday, Saturday and Sunday when used), hours down
 * the side, every session a coloured block at its time, overlapping sessions side by side, cancelled ones struck
 * through. A toolbar moves between weeks (previous, this week, next, or any date). Blocks are fetched lazily, a week
 * at a time, from the provider given; a click on a block tells its id. Plain CSS ({@code styles/timetable.css}); on a
 * narrow screen the days scroll sideways under a fixed time axis.
 * <p>
 * A view shows the week in its URL by listening to {@link WeekChangeEvent}s and calling {@link #setWeek} from its
 * URL parameter.
 */
public class WeekTimetable extends Composite<Div> {

    private final Clock clock;
    private final Function<LocalDate, List<TimetableBlock>> blocks;
    private final Span weekLabel = new Span();
    private final DatePicker picker = DatePickers.localized(new DatePicker());
    private final Div grid = new Div();
    private final Div empty = new Div();
    private LocalDate week;
    private LocalTime from = TimetableLayout.DEFAULT_FROM;
    private LocalTime to = TimetableLayout.DEFAULT_TO;
    private boolean weekendAlwaysShown;
    private @Nullable LocalDate shownWeek;
    private @Nullable TimetableLayout layout;

    /**
     * @param clock  today, in the institution's time zone
     * @param blocks the blocks of the week starting on the given Monday; called once per week shown
     */
    public WeekTimetable(Clock clock, Function<LocalDate, List<TimetableBlock>> blocks) {
        this.clock = clock;
        this.blocks = blocks;
        this.week = TimetableWeeks.mondayOf(LocalDate.now(clock));
        var root = getContent();
        root.addClassName("week-timetable");
        root.add(toolbar(), scroller());
    }

    private Div toolbar() {
        var previous = iconButton(VaadinIcon.ANGLE_LEFT, "timetable.previous", "timetable-previous",
                () -> changeWeek(week.minusWeeks(1)));
        var next = iconButton(VaadinIcon.ANGLE_RIGHT, "timetable.next", "timetable-next",
                () -> changeWeek(week.plusWeeks(1)));
        var thisWeek = new Button(getTranslation("timetable.this-week"), e -> changeWeek(LocalDate.now(clock)));
        thisWeek.setId("timetable-this-week");
        thisWeek.addThemeVariants(ButtonVariant.LUMO_SMALL);
        picker.setId("timetable-date");
        picker.setAriaLabel(getTranslation("timetable.pick-week"));
        picker.setPlaceholder(getTranslation("timetable.pick-week"));
        picker.addThemeName("small");
        picker.setI18n(picker.getI18n().setFirstDayOfWeek(1)); // the timetable's weeks start on Monday
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                changeWeek(e.getValue());
            }
        });
        weekLabel.addClassName("tt-week-label");
        weekLabel.setId("timetable-week-label");
        var navigation = new Div(previous, thisWeek, next);
        navigation.addClassName("tt-navigation");
        var toolbar = new Div(navigation, weekLabel, picker);
        toolbar.addClassName("tt-toolbar");
        return toolbar;
    }

    private Button iconButton(VaadinIcon icon, String labelKey, String id, Runnable action) {
        var button = new Button(icon.create(), e -> action.run());
        button.setId(id);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        return button;
    }

    private Div scroller() {
        grid.addClassName("tt-grid");
        empty.addClassName("tt-empty");
        empty.setId("timetable-empty");
        var scroller = new Div(grid, empty);
        scroller.addClassName("tt-scroll");
        return scroller;
    }

    /** The Monday of the week shown. */
    public LocalDate getWeek() {
        return week;
    }

    /** Shows the week {@code anyDay} is in; fires a {@link WeekChangeEvent} when that is another week. */
    public void setWeek(LocalDate anyDay) {
        setWeek(anyDay, false);
    }

    private void changeWeek(LocalDate anyDay) {
        setWeek(anyDay, true);
    }

    private void setWeek(LocalDate anyDay, boolean fromClient) {
        LocalDate monday = TimetableWeeks.mondayOf(anyDay);
        if (monday.equals(week)) {
            return;
        }
        week = monday;
        render(false);
        fireEvent(new WeekChangeEvent(this, fromClient, monday));
    }

    /** Fetches the week's blocks again, e.g. after a session was moved. */
    public void refresh() {
        render(true);
    }

    /** The hours shown when the blocks fit in them, by default 07:00 to 22:00; widened to fit blocks outside. */
    public void setHours(LocalTime from, LocalTime to) {
        if (!to.isAfter(from) && !to.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("The hours must end after they start: " + from + "–" + to);
        }
        this.from = from.withMinute(0).withSecond(0).withNano(0);
        this.to = to;
        render(false);
    }

    /** Shows Saturday and Sunday even in weeks without blocks on them (by default they are hidden then). */
    public void setWeekendAlwaysShown(boolean weekendAlwaysShown) {
        this.weekendAlwaysShown = weekendAlwaysShown;
        render(false);
    }

    public Registration addWeekChangeListener(ComponentEventListener<WeekChangeEvent> listener) {
        return addListener(WeekChangeEvent.class, listener);
    }

    public Registration addBlockClickListener(ComponentEventListener<BlockClickEvent> listener) {
        return addListener(BlockClickEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        render(false);
    }

    /** Fetches only while attached, and each week once unless {@code refetch}. */
    private void render(boolean refetch) {
        if (!isAttached()) {
            return;
        }
        List<TimetableBlock> weekBlocks = refetch || layout == null || !week.equals(shownWeek)
                ? List.copyOf(blocks.apply(week)) : allBlocks(layout);
        shownWeek = week;
        layout = TimetableLayout.of(week, weekBlocks, from, to, weekendAlwaysShown);
        draw(layout);
    }

    private static List<TimetableBlock> allBlocks(TimetableLayout layout) {
        return Arrays.stream(DayOfWeek.values()).flatMap(d -> layout.placed(d).stream())
                .map(TimetableLayout.Placed::block).toList();
    }

    private void draw(TimetableLayout layout) {
        var locale = getLocale();
        LocalDate today = LocalDate.now(clock);
        var longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        weekLabel.setText(getTranslation("timetable.week-label", TimetableWeeks.weekNumber(week),
                longDate.format(week), longDate.format(week.plusDays(6))));
        picker.setValue(null);
        picker.setLocale(locale);

        grid.removeAll();
        grid.getStyle().set("--tt-days", String.valueOf(layout.days().size()))
                .set("--tt-hours", String.valueOf(layout.hours()));
        var corner = new Div();
        corner.addClassName("tt-corner");
        grid.add(corner);
        var dayMonth = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
        for (DayOfWeek day : layout.days()) {
            LocalDate date = layout.date(day);
            var name = new Span(day.getDisplayName(TextStyle.SHORT, locale));
            name.addClassName("tt-day-name");
            var number = new Span(dayMonth.format(date));
            number.addClassName("tt-day-date");
            var header = new Div(name, number);
            header.addClassName("tt-day-header");
            header.addClassNames(date.equals(today) ? "tt-today" : "tt-other-day");
            grid.add(header);
        }
        grid.add(axis(layout, locale));
        // the hours' labels stay on one line: a wider axis where they are long ("上午10时" in zh-SG)
        double axis = axisRem(layout, locale);
        if (axis > 3.5) {
            grid.getStyle().set("--tt-axis", String.format(Locale.ROOT, "%.2frem", axis));
        } else {
            grid.getStyle().remove("--tt-axis");
        }
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        for (DayOfWeek day : layout.days()) {
            LocalDate date = layout.date(day);
            var column = new Div();
            column.addClassName("tt-day");
            column.setId("timetable-day-" + day.name().toLowerCase(Locale.ROOT));
            if (date.equals(today)) {
                column.addClassName("tt-today");
                column.add(nowLine(layout));
            }
            for (TimetableLayout.Placed placed : layout.placed(day)) {
                column.add(new TimetableBlockCard(placed, layout.fromMinute(), time,
                        id -> fireEvent(new BlockClickEvent(this, true, id))));
            }
            grid.add(column);
        }
        empty.setText(getTranslation("timetable.empty"));
        empty.setVisible(layout.isEmpty());
    }

    private Div axis(TimetableLayout layout, Locale locale) {
        var hour = hourFormat(locale);
        var axis = new Div();
        axis.addClassName("tt-axis");
        for (int minute = layout.fromMinute(); minute < layout.toMinute(); minute += 60) {
            var label = new Span(hour.format(LocalTime.of(minute / 60, 0)));
            label.addClassName("tt-hour");
            label.getStyle().set("--tt-at", String.valueOf(minute - layout.fromMinute()));
            axis.add(label);
        }
        return axis;
    }

    /** About how wide the time axis must be for its longest hour label, in rem (CJK glyphs are wider). */
    static double axisRem(TimetableLayout layout, Locale locale) {
        var hour = hourFormat(locale);
        double widest = 0;
        for (int minute = layout.fromMinute(); minute < layout.toMinute(); minute += 60) {
            String label = hour.format(LocalTime.of(minute / 60, 0));
            double width = label.codePoints().mapToDouble(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN ? 0.72 : 0.42).sum();
            widest = Math.max(widest, width);
        }
        return widest + 0.9;
    }

    /** "10 am" where the locale uses a 12-hour clock, "10:00" where it uses a 24-hour one. */
    static DateTimeFormatter hourFormat(Locale locale) {
        String shortTime = DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT,
                IsoChronology.INSTANCE, locale);
        boolean twelveHour = shortTime.replaceAll("'[^']*'", "").matches(".*[aBb].*");
        return (twelveHour ? DateTimeFormatter.ofLocalizedPattern("j")
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)).withLocale(locale);
    }

    private Div nowLine(TimetableLayout layout) {
        var line = new Div();
        line.addClassName("tt-now");
        int minute = LocalTime.now(clock).toSecondOfDay() / 60;
        line.setVisible(minute >= layout.fromMinute() && minute < layout.toMinute());
        line.getStyle().set("--tt-at", String.valueOf(minute - layout.fromMinute()));
        return line;
    }


    /** The week shown changed; {@link #getWeek()} is its Monday. */
    public static class WeekChangeEvent extends ComponentEvent<WeekTimetable> {

        private final LocalDate week;

        public WeekChangeEvent(WeekTimetable source, boolean fromClient, LocalDate week) {
            super(source, fromClient);
            this.week = week;
        }

        /** The Monday of the week now shown. */
        public LocalDate getWeek() {
            return week;
        }
    }

    /** A block was clicked (or chosen with Enter or Space). */
    public static class BlockClickEvent extends ComponentEvent<WeekTimetable> {

        private final String blockId;

        public BlockClickEvent(WeekTimetable source, boolean fromClient, String blockId) {
            super(source, fromClient);
            this.blockId = blockId;
        }

        public String getBlockId() {
            return blockId;
        }
    }
}
