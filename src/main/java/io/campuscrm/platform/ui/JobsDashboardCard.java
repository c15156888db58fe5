package io.campuscrm.platform.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.platform.BatchJobService;
import io.campuscrm.platform.JobService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/**
 * Administrators' and finance's card: scheduled jobs whose latest run failed, and Batch runs that failed or lost
 * their server, among the jobs the user may see; it opens the Jobs screen.
 */
@Component
class JobsDashboardCard implements DashboardCard {

    private final JobService jobs;
    private final BatchJobService batch;
    private final CurrentUser currentUser;

    JobsDashboardCard(JobService jobs, BatchJobService batch, CurrentUser currentUser) {
        this.jobs = jobs;
        this.batch = batch;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.FINANCE);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        long failing = jobs.failing();
        long batchRuns = batch.needingAttention();
        var open = Card.link(ui.getTranslation("dashboard.jobs.open"), "admin/jobs");
        open.setId("jobs-card-open");
        var card = new Card(ui.getTranslation("dashboard.jobs.title"),
                Card.count(failing),
                ui.getTranslation("dashboard.jobs.caption", batchRuns), open);
        card.setId("jobs-card");
        return card;
    }
}
