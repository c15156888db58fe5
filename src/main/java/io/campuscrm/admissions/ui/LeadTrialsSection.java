package io.campuscrm.admissions.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadEvent;
import io.campuscrm.admissions.TrialBooking;
import io.campuscrm.admissions.TrialOption;
import io.campuscrm.admissions.TrialService;
import io.campuscrm.admissions.TrialStatus;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * The lead page's trial lessons (decision 0077): its trials, the latest first, each with where it stands and, while
 * booked, a button to cancel it; "Book a trial" opens a dialog listing the chosen course's sessions at the lead's
 * campus in the next three weeks that have a free seat (date and time, class, teachers, room, free seats).
 * {@code changed} runs after a booking or cancellation (the lead's stage and history changed with it).
 */
class LeadTrialsSection extends Div {

    private final TrialService trials;
    private final CourseService courses;
    private final Lead lead;
    private final Runnable changed;
    private final DateTimeFormatter times;

    LeadTrialsSection(TrialService trials, CourseService courses, Lead lead, Runnable changed) {
        this.trials = trials;
        this.courses = courses;
        this.lead = lead;
        this.changed = changed;
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        setId("lead-trials");
        setWidthFull();
        var heading = new HorizontalLayout(new H3(getTranslation("trial.section")));
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (lead.stage().open() && lead.mergedIntoId() == null) {
            var book = new Button(getTranslation("trial.book"), e -> openBooking());
            book.setId("lead-trial-book");
            heading.add(book);
        }
        add(heading);
        var list = trials.ofLead(lead.id());
        if (list.isEmpty()) {
            var none = new Paragraph(getTranslation("trial.none"));
            none.setId("lead-trials-none");
            add(none);
        }
        list.forEach(t -> add(line(t)));
    }

    private HorizontalLayout line(TrialBooking t) {
        var status = new Badge(getTranslation(t.status().messageKey()), switch (t.status()) {
            case BOOKED -> Badge.Tone.NEUTRAL;
            case ATTENDED -> Badge.Tone.SUCCESS;
            case NO_SHOW -> Badge.Tone.ERROR;
            case CANCELLED -> Badge.Tone.CONTRAST;
        });
        status.setId("lead-trial-" + t.id() + "-status");
        var text = new Span(times.format(t.startsLocal()) + " · " + t.classCode() + " — " + t.className()
                + (t.cancelledWhy() == null ? "" : " (" + getTranslation("trial.cancelled-why."
                        + t.cancelledWhy().toLowerCase(java.util.Locale.ROOT)) + ")"));
        var row = new HorizontalLayout(status, text);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.setId("lead-trial-" + t.id());
        if (t.status() == TrialStatus.BOOKED) {
            var cancel = new Button(getTranslation("trial.cancel"), e -> act(() -> trials.cancel(t.id(), t.version()),
                    "trial.cancelled"));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            cancel.setId("lead-trial-" + t.id() + "-cancel");
            row.add(cancel);
        }
        return row;
    }

    private void openBooking() {
        var dialog = new Dialog();
        dialog.setId("trial-dialog");
        dialog.setHeaderTitle(getTranslation("trial.book.title", lead.childName()));
        dialog.setWidth("56rem");
        var course = new ComboBox<Course>(getTranslation("trial.book.course"));
        course.setId("trial-course");
        course.setPlaceholder(getTranslation("trial.book.choose-course"));
        course.setItemLabelGenerator(c -> c.code() + " — " + c.name());
        course.setItems(query -> courses.find(new CourseFilter(query.getFilter().orElse(null), true),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        course.setWidthFull();
        var grid = new Grid<TrialOption>();
        grid.setId("trial-session-pick");
        String separator = Lists.separator(getLocale());
        grid.addColumn(o -> times.format(o.session().startsLocal()) + "–" + DateTimeFormatter
                .ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale()).format(o.session().endsLocal()))
                .setHeader(getTranslation("trial.when")).setAutoWidth(true);
        grid.addColumn(o -> o.session().classCode() + " — " + o.session().className())
                .setHeader(getTranslation("trial.class")).setFlexGrow(2);
        grid.addColumn(o -> String.join(separator, o.session().teacherNames()))
                .setHeader(getTranslation("trial.teachers")).setAutoWidth(true);
        grid.addColumn(o -> o.session().roomName()).setHeader(getTranslation("trial.room")).setAutoWidth(true);
        grid.addColumn(TrialOption::freeSeats).setHeader(getTranslation("trial.free")).setAutoWidth(true);
        grid.setHeight("20rem");
        var none = new Paragraph(getTranslation("trial.book.none"));
        none.setId("trial-options-none");
        none.setVisible(false);
        var confirm = ServiceErrors.primary(getTranslation("trial.book.confirm"));
        confirm.setId("trial-book-confirm");
        confirm.setEnabled(false);
        grid.addSelectionListener(e -> confirm.setEnabled(e.getFirstSelectedItem().isPresent()));
        course.addValueChangeListener(e -> offer(e.getValue(), grid, none));
        confirm.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(option -> {
            if (act(() -> trials.book(lead.id(), option.session().sessionId()), "trial.booked")) {
                dialog.close();
            } else {
                offer(course.getValue(), grid, none);
            }
        }));
        var cancel = new Button(getTranslation("lead.cancel"), e -> dialog.close());
        cancel.setId("trial-book-cancel");
        dialog.add(course, grid, none);
        dialog.getFooter().add(cancel, confirm);
        if (lead.courseId() != null) {
            try {
                course.setValue(courses.get(lead.courseId()));
            } catch (RuntimeException gone) {
                // a course removed since: the user picks one
            }
        }
        dialog.open();
    }

    private void offer(@Nullable Course chosen, Grid<TrialOption> grid, Paragraph none) {
        List<TrialOption> options = chosen == null ? List.of() : trials.options(lead.id(), chosen.id());
        grid.setItems(options);
        none.setVisible(chosen != null && options.isEmpty());
    }

    /** Runs a booking or cancellation; true when it went through (the page is shown again). */
    private boolean act(java.util.function.Supplier<TrialBooking> change, String doneKey) {
        try {
            change.get();
            Notifications.success(getTranslation(doneKey));
            changed.run();
            return true;
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, f -> null, changed)) {
                throw error;
            }
            return false;
        }
    }

    /** A trial line of the lead's history, or null for another kind. */
    static @Nullable String describe(com.vaadin.flow.component.Component in, LeadEvent e) {
        if (!e.kind().startsWith("TRIAL_")) {
            return null;
        }
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(in.getUI().map(com.vaadin.flow.component.UI::getLocale)
                        .orElseGet(() -> com.vaadin.flow.component.UI.getCurrent().getLocale()));
        String when = time(format, e.after());
        String what = e.detail() == null ? "" : e.detail();
        return switch (e.kind()) {
            case "TRIAL_BOOKED" -> in.getTranslation("lead.event.trial-booked", what, when);
            case "TRIAL_ATTENDED" -> in.getTranslation("lead.event.trial-attended", what, when);
            case "TRIAL_NO_SHOW" -> in.getTranslation("lead.event.trial-no-show", what, when);
            case "TRIAL_MOVED" -> in.getTranslation("lead.event.trial-moved", what, time(format, e.before()), when);
            case "TRIAL_CANCELLED" -> in.getTranslation(byTheSession(e) ? "lead.event.trial-cancelled-session"
                    : "lead.event.trial-cancelled", what, when);
            default -> null;
        };
    }

    /** A trial cancelled with its session ({@code before} SESSION), not by admissions (STAFF). */
    private static boolean byTheSession(LeadEvent e) {
        return CANCELLED_WITH_SESSION.equals(e.before());
    }

    private static final String CANCELLED_WITH_SESSION = "SESSION";

    private static String time(DateTimeFormatter format, @Nullable String local) {
        if (local == null) {
            return "";
        }
        try {
            return format.format(java.time.LocalDateTime.parse(local));
        } catch (java.time.format.DateTimeParseException notATime) {
            return local;
        }
    }
}
