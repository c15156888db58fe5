package io.campuscrm.shared.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import io.campuscrm.shared.timetable.SampleTimetable;
import jakarta.annotation.security.PermitAll;

/**
 * Test-only page (src/test): the week timetable with sample data, for browser tests and screenshots. It also shows
 * how a view keeps the week in its URL ({@code ?week=2026-11-16}): the back button and bookmarks work.
 */
@Route("test/timetable-preview")
@PageTitle("Timetable preview")
@PermitAll
class TimetablePreviewView extends VerticalLayout implements BeforeEnterObserver {

    private final WeekTimetable timetable;
    private final Span clicked = new Span();

    TimetablePreviewView(Clock clock) {
        setSizeFull();
        timetable = new WeekTimetable(clock, SampleTimetable::week);
        timetable.setId("preview-timetable");
        timetable.addWeekChangeListener(e -> {
            if (e.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate(TimetablePreviewView.class,
                        QueryParameters.of("week", e.getWeek().toString())));
            }
        });
        timetable.addBlockClickListener(e -> clicked.setText(e.getBlockId()));
        clicked.setId("clicked-block");
        add(timetable, clicked);
        expand(timetable);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("week").ifPresent(week -> {
            try {
                timetable.setWeek(LocalDate.parse(week));
            } catch (DateTimeParseException e) {
                // a mistyped URL shows the current week
            }
        });
    }
}
