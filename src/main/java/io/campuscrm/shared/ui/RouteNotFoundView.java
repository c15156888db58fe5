package io.campuscrm.shared.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The router's "no such address" (an unknown path, a malformed id) looks exactly like a record that is not found:
 * {@link NotFoundView}'s page, in the layout, instead of Vaadin's route list.
 */
@PermitAll
@ParentLayout(MainLayout.class)
public class RouteNotFoundView extends RouteNotFoundError {

    private final VerticalLayout page = new VerticalLayout();

    public RouteNotFoundView() {
        getElement().appendChild(page.getElement());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        NotFoundView.show(page);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
