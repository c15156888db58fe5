package io.campuscrm.reporting.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportJob;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.ReportsNavigation;

import jakarta.annotation.security.RolesAllowed;

/**
 * The reports the user may run. A report is prepared in the background while the page shows its progress (the
 * browser polls twice a second while one runs, so no push connection is needed), then offered as a download.
 */
@Route(ReportsNavigation.ROUTE)
@Menu(title = "nav.reports", order = 80, icon = "vaadin:file-text-o")
@RolesAllowed({"ADMIN", "ADMISSIONS", "FINANCE", "TEACHER"})
class ReportsView extends VerticalLayout implements BeforeEnterObserver, LocalizedTitle {

    /** The query parameter naming the report to preselect, e.g. {@code reports?report=class-roster&classId=42}. */
    static final String REPORT = ReportsNavigation.REPORT;

    static final int POLL_MILLIS = 500;

    private final List<ReportCard> cards = new ArrayList<>();
    private Registration polling = () -> { };

    ReportsView(ReportService reports) {
        setId("reports");
        var list = new Div();
        list.addClassName("dashboard-cards");
        for (ReportInfo report : reports.availableReports()) {
            var card = new ReportCard(report, reports, this::startPolling);
            cards.add(card);
            list.add(card);
        }
        if (cards.isEmpty()) {
            list.add(new Paragraph(getTranslation("reports.none")));
        }
        add(list);
    }

    /**
     * Other pages link here with a report and its parameters in the address (the class page's "Print roster"): that
     * report's fields are filled in and its card is highlighted and scrolled to.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, String> query = new HashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.getFirst());
            }
        });
        String reportId = query.get(REPORT);
        if (reportId == null) {
            return;
        }
        cards.stream().filter(c -> c.getId().orElse("").equals("report-" + reportId)).findFirst().ifPresent(card -> {
            card.preset(query);
            card.addClassName("report-card-selected");
            card.scrollIntoView();
        });
    }

    private void startPolling() {
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        polling = ui.addPollListener(e -> {
            boolean running = false;
            for (ReportCard card : cards) {
                running |= card.update();
            }
            if (!running) {
                ui.setPollInterval(-1);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
        cards.forEach(ReportCard::discard);
    }

    /** The job the report's card started last, for tests. */
    Optional<ReportJob> job(String reportId) {
        return cards.stream().filter(c -> c.getId().orElse("").equals("report-" + reportId)).findFirst()
                .flatMap(ReportCard::job);
    }

    @Override
    public String titleKey() {
        return "nav.reports";
    }
}
