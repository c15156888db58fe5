package io.campuscrm.reporting.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.shared.ui.LocalizedTitle;
import jakarta.annotation.security.RolesAllowed;

/** The reports the user may run, each downloadable as PDF and XLSX, streamed straight from the filler. */
@Route("reports")
@Menu(title = "nav.reports", order = 80, icon = "vaadin:file-text-o")
@RolesAllowed({"ADMIN", "FINANCE"})
class ReportsView extends VerticalLayout implements LocalizedTitle {

    private final ReportService reports;

    ReportsView(ReportService reports) {
        this.reports = reports;
        setId("reports");
        var list = new Div();
        list.addClassName("dashboard-cards");
        for (ReportInfo report : reports.availableReports()) {
            list.add(card(report));
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph(getTranslation("reports.none")));
        }
        add(list);
    }

    private Div card(ReportInfo report) {
        var card = new Div(new H3(getTranslation(report.titleKey())),
                new Paragraph(getTranslation(report.descriptionKey())),
                new HorizontalLayout(download(report, ReportFormat.PDF), download(report, ReportFormat.XLSX)));
        card.addClassName("dashboard-card");
        card.setId("report-" + report.id());
        return card;
    }

    private Anchor download(ReportInfo report, ReportFormat format) {
        var locale = getLocale();
        DownloadHandler handler = event -> {
            event.setFileName(reports.fileName(report.id(), format));
            event.setContentType(format.contentType());
            reports.render(report.id(), format, locale, event.getOutputStream());
        };
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, format.name());
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.setId("download-" + report.id() + "-" + format.extension());
        anchor.getElement().setAttribute("theme", "button");
        return anchor;
    }

    @Override
    public String titleKey() {
        return "nav.reports";
    }
}
