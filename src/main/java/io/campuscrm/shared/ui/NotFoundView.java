package io.campuscrm.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

import io.campuscrm.shared.domain.NotFoundException;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a user sees who opens an address whose record does not exist or is not theirs to see ({@code students/42},
 * {@code classes/7} of another teacher): the same friendly page in every module, telling nothing about whether the
 * record exists. A view reaches it by letting a {@link NotFoundException} out of its navigation, or by
 * {@code event.rerouteToError(NotFoundException.class)}.
 */
@PermitAll
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** The page's content, shared with the router's own "no such address" page. */
    static void show(VerticalLayout page) {
        page.removeAll();
        page.setId("not-found");
        page.add(new H2(page.getTranslation("not-found.title")),
                new Paragraph(page.getTranslation("not-found.text")),
                new Anchor("", page.getTranslation("not-found.home")));
    }
}
