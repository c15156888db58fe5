package io.campuscrm.students.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.StudentNote;
import io.campuscrm.students.StudentNoteService;

/** Notes on the file, newest first, each with its author and time; editors add notes. */
class NotesTab extends VerticalLayout {

    private static final int PAGE = 20;

    private final StudentNoteService notes;
    private final long studentId;
    private final DateTimeFormatter dates;
    private final ZoneId zone;
    private final Div list = new Div();
    private final Button more = new Button();
    private Pageable next = PageRequest.of(0, PAGE);

    NotesTab(StudentNoteService notes, long studentId, boolean editor, ZoneId zone) {
        this.notes = notes;
        this.studentId = studentId;
        this.zone = zone;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        setPadding(false);
        if (editor) {
            var body = new TextArea(getTranslation("note.new"));
            body.setWidthFull();
            body.setMaxLength(4000);
            body.setId("note-body");
            var add = ServiceErrors.primary(getTranslation("note.add"));
            add.setId("add-note");
            add.addClickListener(e -> {
                try {
                    notes.add(studentId, body.getValue());
                    body.clear();
                    Notifications.success(getTranslation("note.added"));
                    reset();
                } catch (RuntimeException ex) {
                    if (!ServiceErrors.show(this, ex, f -> body, this::reset)) {
                        throw ex;
                    }
                }
            });
            add(body, add);
        }
        list.setId("notes");
        list.setWidthFull();
        more.setText(getTranslation("note.more"));
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> loadMore());
        add(list, more);
        loadMore();
    }

    private void reset() {
        list.removeAll();
        next = PageRequest.of(0, PAGE);
        loadMore();
    }

    private void loadMore() {
        var page = notes.notes(studentId, next);
        page.forEach(note -> list.add(card(note)));
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph(getTranslation("note.none")));
        }
        more.setVisible(page.hasNext());
        next = page.nextOrLastPageable();
    }

    private Div card(StudentNote note) {
        var meta = new Span(getTranslation("note.meta", note.authorName(),
                dates.format(note.createdAt().atZone(zone))));
        meta.addClassName("card-caption");
        var body = new Paragraph(note.body());
        body.addClassName("note-body");
        var card = new Div(meta, body);
        card.addClassName("student-note");
        return card;
    }
}
