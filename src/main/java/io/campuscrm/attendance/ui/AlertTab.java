package io.campuscrm.attendance.ui;

import java.util.Locale;

/**
 * The tabs of the alerts page, each its own address ({@code attendance/alerts/low-balance}) so that a dashboard
 * card links straight to one and the back button follows them. The office's four come first; finance has only
 * the owed lessons, which then open on the page's own address.
 */
enum AlertTab {
    ABSENCES, LOW_RATE, LOW_BALANCE, EXPIRING, OWING;

    static final String ROUTE = "attendance/alerts";

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String titleKey() {
        return "attendance.alerts.tab." + key();
    }

    /** Where a link to the tab goes: the tab's own address, which every reader of the tab can open. */
    String address() {
        return ROUTE + "/" + key();
    }
}
