package io.campuscrm.students.ui;

import java.util.List;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.campuscrm.students.DuplicateMatch;

/**
 * "Possible duplicates": the existing students and guardians that look like the entry, each with what matched and
 * what the user can do about it (open the student, or link to that family), and an explicit "create anyway".
 */
class DuplicatesDialog extends Dialog {

    DuplicatesDialog(List<DuplicateMatch> matches, String anywayText, @Nullable LongConsumer linkToFamily,
            Runnable createAnyway) {
        setHeaderTitle(getTranslation("duplicates.title"));
        setId("duplicates-dialog");
        var list = new Div();
        list.setId("duplicates");
        matches.forEach(match -> list.add(row(match, linkToFamily)));
        add(new Paragraph(getTranslation("duplicates.text")), list);
        var anyway = new Button(anywayText, e -> {
            close();
            createAnyway.run();
        });
        anyway.addThemeVariants(ButtonVariant.LUMO_ERROR);
        anyway.setId("create-anyway");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), anyway);
        setWidth("min(48rem, 95vw)");
    }

    private Div row(DuplicateMatch match, @Nullable LongConsumer linkToFamily) {
        String kind = getTranslation(match.kind() == DuplicateMatch.Kind.STUDENT ? "duplicates.kind.student"
                : "duplicates.kind.guardian");
        var who = new Span(getTranslation("format.label-value", kind, match.name())
                + (match.studentNumber() == null ? "" : " · " + match.studentNumber()));
        who.addClassName("duplicate-who");
        var why = new Span(getTranslation("format.label-value", getTranslation(match.reason().messageKey()),
                match.value()) + " · " + getTranslation("format.label-value", getTranslation("duplicates.family"),
                match.familyName()));
        why.addClassName("card-caption");
        var actions = new HorizontalLayout();
        if (match.kind() == DuplicateMatch.Kind.STUDENT) {
            var open = new Button(getTranslation("duplicates.open"), e -> {
                close();
                StudentNavigation.openFile(match.id());
            });
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(open);
        }
        if (linkToFamily != null && match.suggestsSibling()) {
            var link = new Button(getTranslation("duplicates.link"), e -> {
                close();
                linkToFamily.accept(match.familyId());
            });
            link.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            link.setId("link-family-" + match.familyId() + "-" + match.kind().name().toLowerCase() + "-" + match.id());
            actions.add(link);
        }
        var row = new Div(new Div(who, why), actions);
        row.addClassName("duplicate-match");
        return row;
    }
}
