package io.campuscrm.shared.ui;

import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.shared.timetable.TimetableBlock;
import io.campuscrm.shared.timetable.TimetableColors;
import io.campuscrm.shared.timetable.TimetableLayout;

/**
 * One block of a {@link WeekTimetable}: time, title and subtitle, placed by CSS custom properties (minutes from the
 * top, column of columns). A button for assistive technology: Enter and Space choose it like a click.
 * <p>
 * Its accessible name is its visible text, so that someone using speech input can say what they see (WCAG 2.5.3,
 * label in name); an {@code aria-label} would replace that text. The whole description (end time, cancelled,
 * subtitle), partly hidden when blocks are narrow, is its {@code title}: a tooltip for the mouse, and the accessible
 * description screen readers read after the name.
 */
final class TimetableBlockCard extends Div {

    TimetableBlockCard(TimetableLayout.Placed placed, int fromMinute, DateTimeFormatter time, Consumer<String> chosen) {
        TimetableBlock block = placed.block();
        String startText = time.format(block.start());
        String times = getTranslation("timetable.time-range", startText, time.format(block.end()));
        String cancelled = block.cancelled() ? " · " + getTranslation("timetable.cancelled") : "";
        add(when(startText, times, cancelled), span(block.title(), "tt-block-title"));
        if (block.subtitle() != null && !block.subtitle().isBlank()) {
            add(span(block.subtitle(), "tt-block-subtitle"));
        }
        addClassNames("tt-block", "tt-color-" + TimetableColors.index(block.colorKey()));
        if (block.cancelled()) {
            addClassName("tt-cancelled");
        }
        int minutes = placed.endMinute() - placed.startMinute();
        if (minutes < 45) {
            addClassName("tt-short");
        } else if (minutes < 60) {
            // three lines do not fit: start time and title share the first
            addClassName("tt-compact");
        }
        if (placed.columns() > 1) {
            // side by side: only the start time fits; from three on, only the title
            addClassName(placed.columns() == 2 ? "tt-half" : "tt-narrow");
        }
        getStyle().set("--tt-start", String.valueOf(placed.startMinute() - fromMinute))
                .set("--tt-length", String.valueOf(placed.endMinute() - placed.startMinute()))
                .set("--tt-col", String.valueOf(placed.column()))
                .set("--tt-cols", String.valueOf(placed.columns()));
        String description = String.join(", ", times + cancelled, block.title(),
                Objects.requireNonNullElse(block.subtitle(), "")).replaceAll(", $", "");
        getElement().setAttribute("title", description);
        getElement().setAttribute("role", "button");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("data-block-id", block.id());
        addClickListener(e -> chosen.accept(block.id()));
        getElement().addEventListener("keydown", e -> chosen.accept(block.id()))
                .setFilter("event.key === 'Enter' || event.key === ' '").preventDefault();
    }

    /** The end can be hidden when blocks sit side by side, if the translation puts the start first. */
    private static Span when(String startText, String times, String cancelled) {
        var when = new Span();
        when.addClassName("tt-block-time");
        if (times.startsWith(startText)) {
            when.add(new Span(startText), span(times.substring(startText.length()), "tt-block-end"));
        } else {
            when.add(new Span(times));
        }
        if (!cancelled.isEmpty()) {
            when.add(span(cancelled, "tt-block-cancelled"));
        }
        return when;
    }

    private static Span span(String text, String className) {
        var span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
