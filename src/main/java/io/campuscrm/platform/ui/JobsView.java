package io.campuscrm.platform.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.platform.BatchClock;
import io.campuscrm.platform.BatchJobService;
import io.campuscrm.platform.BatchRunInfo;
import io.campuscrm.platform.JobOutcome;
import io.campuscrm.platform.JobRunInfo;
import io.campuscrm.platform.JobService;
import io.campuscrm.platform.ScheduledJobInfo;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

/**
 * The Jobs screen: every scheduled job the user may see with its schedule, latest run (outcome, how long, what it
 * did) and next time, "run now", and the runs of the chosen job, newest first. It looks again every few seconds while
 * open, so a run started here shows its end without a reload.
 */
@Route("admin/jobs")
@Menu(title = "nav.jobs", order = 93, icon = "vaadin:clock")
@RolesAllowed({"ADMIN", "FINANCE"})
class JobsView extends VerticalLayout implements LocalizedTitle {

    static final int POLL_MILLIS = 3000;

    private final JobService jobs;
    private final BatchJobService batch;
    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter times;
    private final Grid<ScheduledJobInfo> scheduled = new Grid<>();
    private final Grid<JobRunInfo> history = new Grid<>();
    private final H3 historyTitle = new H3();
    private final Grid<BatchRunInfo> batchRuns = new Grid<>();
    private @Nullable String chosen;
    private @Nullable Registration polling;

    JobsView(JobService jobs, BatchJobService batch, InstitutionService institution, Clock clock) {
        this.jobs = jobs;
        this.batch = batch;
        this.clock = clock;
        this.zone = institution.settings().timeZone();
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        addClassName("list-view");
        setSizeFull();

        scheduled.setId("scheduled-jobs");
        scheduled.addColumn(j -> getTranslation(j.labelKey())).setHeader(getTranslation("jobs.job")).setFlexGrow(2)
                .setWidth("12em").setTooltipGenerator(j -> getTranslation(j.helpKey()));
        scheduled.addComponentColumn(this::schedule).setHeader(getTranslation("jobs.schedule")).setAutoWidth(true);
        scheduled.addColumn(j -> j.lastRun() == null ? getTranslation("jobs.never")
                : getTranslation("jobs.when-took", when(j.lastRun().startedAt()),
                        duration(j.lastRun().duration(clock.instant()))))
                .setHeader(getTranslation("jobs.last-run")).setWidth("12em").setFlexGrow(2);
        scheduled.addComponentColumn(j -> j.lastRun() == null ? new Span() : outcome(j.lastRun().outcome()))
                .setHeader(getTranslation("jobs.outcome")).setAutoWidth(true);
        scheduled.addColumn(j -> j.lastRun() == null ? "" : said(j.lastRun())).setHeader(getTranslation("jobs.result"))
                .setFlexGrow(2).setWidth("12em").setTooltipGenerator(j -> j.lastRun() == null ? "" : said(j.lastRun()));
        scheduled.addColumn(j -> j.nextRun() == null ? "—" : when(j.nextRun())).setHeader(getTranslation("jobs.next-run"))
                .setFlexGrow(2);
        scheduled.addComponentColumn(this::runNow).setHeader(getTranslation("jobs.actions")).setAutoWidth(true);
        scheduled.setAllRowsVisible(true);
        // long lines (a run's time and duration, what it did) wrap rather than push the actions out of sight
        scheduled.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        scheduled.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(j -> choose(j.name())));

        history.setId("job-runs");
        history.addColumn(r -> when(r.startedAt())).setHeader(getTranslation("jobs.started-at")).setAutoWidth(true);
        history.addColumn(r -> getTranslation(r.startedHow().messageKey()) + " · " + r.startedBy())
                .setHeader(getTranslation("jobs.started-by")).setAutoWidth(true);
        history.addComponentColumn(r -> outcome(r.outcome())).setHeader(getTranslation("jobs.outcome"))
                .setAutoWidth(true);
        history.addColumn(r -> duration(r.duration(clock.instant()))).setHeader(getTranslation("jobs.duration"))
                .setAutoWidth(true);
        history.addColumn(this::said).setHeader(getTranslation("jobs.result")).setFlexGrow(3)
                .setTooltipGenerator(this::said);
        history.addColumn(JobRunInfo::node).setHeader(getTranslation("jobs.node")).setAutoWidth(true);
        history.setItems(query -> chosen == null ? Stream.empty()
                : jobs.runs(chosen, PageRequest.of(query.getPage(), query.getPageSize())).stream());
        history.setHeight("20em");
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        add(new H3(getTranslation("jobs.scheduled")));
        if (jobs.scheduledJobs().isEmpty()) {
            var none = new Paragraph(getTranslation("jobs.none"));
            none.setId("jobs-none");
            add(none);
        } else {
            add(scheduled, historyTitle, history);
        }
        addBatchRuns();
        refresh();
        jobs.scheduledJobs().stream().findFirst().ifPresent(j -> choose(j.name()));
    }

    /** Spring Batch's runs: start a job, and restart, stop or recover a run. */
    private void addBatchRuns() {
        var starts = new HorizontalLayout();
        starts.setAlignItems(Alignment.BASELINE);
        starts.add(new H3(getTranslation("jobs.batch")));
        for (String name : batch.jobNames()) {
            var start = new Button(getTranslation("jobs.batch.start", getTranslation("batch." + name)),
                    VaadinIcon.PLAY.create(), e -> act(() -> batch.start(name), "jobs.batch.starting"));
            start.addThemeVariants(ButtonVariant.LUMO_SMALL);
            start.setId("start-" + name);
            start.setTooltipText(getTranslation("batch." + name + ".help"));
            starts.add(start);
        }
        batchRuns.setId("batch-runs");
        batchRuns.addColumn(BatchRunInfo::executionId).setHeader(getTranslation("jobs.batch.run")).setAutoWidth(true)
                .setFlexGrow(0);
        batchRuns.addColumn(r -> getTranslation("batch." + r.jobName())).setHeader(getTranslation("jobs.job"))
                .setFlexGrow(2);
        batchRuns.addComponentColumn(r -> badge(r.statusKey(), switch (r.status()) {
            case "COMPLETED" -> Badge.Tone.SUCCESS;
            case "FAILED", "ABANDONED" -> Badge.Tone.ERROR;
            case "STOPPED", "STOPPING" -> Badge.Tone.CONTRAST;
            default -> Badge.Tone.NEUTRAL;
        })).setHeader(getTranslation("jobs.outcome")).setAutoWidth(true);
        batchRuns.addColumn(r -> r.startedAt() == null ? "" : when(r.startedAt()))
                .setHeader(getTranslation("jobs.started-at")).setAutoWidth(true);
        batchRuns.addColumn(r -> r.duration(BatchClock.instant()) == null ? ""
                : duration(r.duration(BatchClock.instant())))
                .setHeader(getTranslation("jobs.duration")).setAutoWidth(true);
        batchRuns.addColumn(r -> getTranslation("jobs.batch.progress", r.read(), r.written(), r.skipped()))
                .setHeader(getTranslation("jobs.batch.items")).setAutoWidth(true);
        batchRuns.addColumn(r -> r.startedBy() == null ? "" : r.startedBy())
                .setHeader(getTranslation("jobs.started-by")).setAutoWidth(true);
        batchRuns.addColumn(r -> r.error() == null ? "" : r.error()).setHeader(getTranslation("jobs.batch.error"))
                .setFlexGrow(2).setTooltipGenerator(r -> r.error() == null ? "" : r.error());
        batchRuns.addComponentColumn(this::batchActions).setHeader(getTranslation("jobs.actions")).setAutoWidth(true);
        batchRuns.setItems(query -> batch.runs(PageRequest.of(query.getPage(), query.getPageSize())).stream());
        batchRuns.setHeight("20em");
        add(starts, batchRuns);
    }

    private HorizontalLayout batchActions(BatchRunInfo run) {
        var actions = new HorizontalLayout();
        Instant now = BatchClock.instant(); // Batch stamps its runs with the server's own clock
        if (run.restartable()) {
            actions.add(small("jobs.batch.restart", VaadinIcon.ROTATE_RIGHT, "restart-" + run.executionId(),
                    () -> batch.restart(run.executionId()), "jobs.batch.restarting"));
        }
        if (run.running() && !run.recoverable(now)) {
            actions.add(small("jobs.batch.stop", VaadinIcon.STOP, "stop-" + run.executionId(),
                    () -> batch.stop(run.executionId()), "jobs.batch.stopping"));
        }
        if (run.recoverable(now)) {
            actions.add(small("jobs.batch.recover", VaadinIcon.AMBULANCE, "recover-" + run.executionId(),
                    () -> batch.recover(run.executionId()), "jobs.batch.recovered"));
        }
        return actions;
    }

    private Button small(String key, VaadinIcon icon, String id, Runnable action, String doneKey) {
        var button = new Button(getTranslation(key), icon.create(), e -> act(action, doneKey));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId(id);
        return button;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
        batchRuns.getDataProvider().refreshAll();
    }

    private void choose(String jobName) {
        chosen = jobName;
        historyTitle.setText(getTranslation("jobs.history", getTranslation("job." + jobName)));
        history.getDataProvider().refreshAll();
    }

    /** The cron expression, and an "Off" badge when the job does not run on it. */
    private Span schedule(ScheduledJobInfo job) {
        var schedule = new Span(job.schedule());
        if (!job.enabled()) {
            var off = badge("jobs.off", Badge.Tone.CONTRAST);
            off.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            schedule.add(off);
        }
        return schedule;
    }

    private Button runNow(ScheduledJobInfo job) {
        var run = new Button(getTranslation("jobs.run-now"), VaadinIcon.PLAY.create(), e -> {
            jobs.runNow(job.name());
            Notifications.success(getTranslation("jobs.started", getTranslation(job.labelKey())));
            choose(job.name());
        });
        run.addThemeVariants(ButtonVariant.LUMO_SMALL);
        run.setId("run-" + job.name());
        return run;
    }

    private void refresh() {
        scheduled.setItems(jobs.scheduledJobs());
        history.getDataProvider().refreshAll();
        batchRuns.getDataProvider().refreshAll();
    }

    /** What a run did or why it failed, in the reader's language. */
    private String said(JobRunInfo run) {
        if (run.result() != null) {
            JobResult result = run.result();
            return getTranslation(result.messageKey(), result.args().toArray());
        }
        String error = run.error();
        if (error == null) {
            return "";
        }
        return error.startsWith("#") ? getTranslation(error.substring(1)) : error;
    }

    private Span outcome(JobOutcome outcome) {
        return badge(outcome.messageKey(), switch (outcome) {
            case SUCCEEDED -> Badge.Tone.SUCCESS;
            case FAILED -> Badge.Tone.ERROR;
            case RUNNING -> Badge.Tone.NEUTRAL;
            case SKIPPED -> Badge.Tone.CONTRAST;
        });
    }

    private Badge badge(String key, Badge.Tone tone) {
        return new Badge(getTranslation(key), tone);
    }

    private String when(Instant at) {
        return times.format(at.atZone(zone));
    }

    private String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? getTranslation("jobs.seconds", Math.max(seconds, 0))
                : getTranslation("jobs.minutes", seconds / 60, seconds % 60);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    @Override
    public String titleKey() {
        return "nav.jobs";
    }
}
