package io.campuscrm.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * A card on the home dashboard. Modules contribute cards as Spring beans; each decides whether the signed-in
 * user sees it (by role) and builds a fresh component for every dashboard it appears on.
 */
public interface DashboardCard {

    /** Lower comes first. */
    int order();

    boolean visibleToCurrentUser();

    Component create();
}
