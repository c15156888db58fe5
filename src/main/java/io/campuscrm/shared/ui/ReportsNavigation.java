package io.campuscrm.shared.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/**
 * The address of the reports page, with a report chosen and its parameters filled in
 * ({@code reports?report=class-roster&classId=42}). It lives in the shared kernel because the modules whose pages
 * offer a "Print" button (scheduling, later billing) are read by reporting and may not depend on it.
 */
public final class ReportsNavigation {

    public static final String ROUTE = "reports";
    public static final String REPORT = "report";

    private ReportsNavigation() {
    }

    /** Opens the reports page on the report, with these parameters preselected. */
    public static void open(String reportId, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(REPORT, reportId);
        query.putAll(parameters);
        UI.getCurrent().navigate(ROUTE, QueryParameters.simple(query));
    }
}
