package io.campuscrm.students.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.students.StudentTimelineService;
import io.campuscrm.students.TimelineEntry;

/** Everything that happened to the student, from every module, newest first; older entries on request. */
class TimelineTab extends VerticalLayout {

    private static final int PAGE = 30;

    private final StudentTimelineService timeline;
    private final long studentId;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final Div list = new Div();
    private final Button older = new Button();
    private @Nullable Instant before;

    TimelineTab(StudentTimelineService timeline, long studentId, ZoneId zone) {
        this.timeline = timeline;
        this.studentId = studentId;
        this.zone = zone;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        setPadding(false);
        list.setId("timeline");
        list.addClassName("timeline");
        list.setWidthFull();
        older.setText(getTranslation("timeline.older"));
        older.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        older.setId("timeline-older");
        older.addClickListener(e -> load());
        add(list, older);
        load();
    }

    private void load() {
        List<TimelineEntry> entries = timeline.timeline(studentId, before, PAGE);
        entries.forEach(entry -> list.add(line(entry)));
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph(getTranslation("timeline.none")));
        }
        older.setVisible(entries.size() >= PAGE);
        if (!entries.isEmpty()) {
            before = entries.getLast().occurredAt();
        }
    }

    private Div line(TimelineEntry entry) {
        Object[] args = entry.titleArgs().stream().map(this::argument).toArray();
        var title = new Span(getTranslation(entry.titleKey(), args));
        title.addClassName("timeline-title");
        var meta = new Span(dates.format(entry.occurredAt().atZone(zone))
                + (entry.actor() == null ? "" : " · " + entry.actor()));
        meta.addClassName("card-caption");
        var text = new Div(title, meta);
        if (entry.details() != null) {
            var details = new Pre(entry.details());
            details.addClassName("audit-details");
            text.add(details);
        }
        if (entry.route() != null) {
            text.add(new Anchor(entry.route(), getTranslation("timeline.open")));
        }
        var line = new Div(icon(entry.category()).create(), text);
        line.addClassName("timeline-entry");
        return line;
    }

    private String argument(String argument) {
        List<String> keys = TimelineEntry.keysOf(argument);
        return keys.isEmpty() ? argument : Lists.join(getLocale(), keys.stream().map(k -> getTranslation(k)).toList());
    }

    private static VaadinIcon icon(String category) {
        return switch (category) {
            case "student" -> VaadinIcon.USER;
            case "family" -> VaadinIcon.FAMILY;
            case "note" -> VaadinIcon.COMMENT_O;
            case "document" -> VaadinIcon.FILE_TEXT_O;
            case "lead" -> VaadinIcon.PHONE;
            case "enrollment" -> VaadinIcon.ACADEMY_CAP;
            case "attendance" -> VaadinIcon.CHECK_SQUARE_O;
            case "invoice" -> VaadinIcon.INVOICE;
            case "payment" -> VaadinIcon.MONEY;
            default -> VaadinIcon.CIRCLE_THIN;
        };
    }
}
