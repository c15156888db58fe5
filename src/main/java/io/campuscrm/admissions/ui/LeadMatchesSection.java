package io.campuscrm.admissions.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadMatch;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.ContactNormaliser;

/**
 * On a lead's page, who else the school knows with its phone or e-mail, and what to do about each: another lead is
 * merged (the older one survives), a student's or guardian's family is linked (the child is a sibling, or the
 * guardian's other child). A merged lead says where it went (and an administrator may undo that); a survivor lists
 * what was merged into it.
 */
class LeadMatchesSection extends Div {

    private final LeadService leads;
    private final CurrentUser currentUser;
    private final Consumer<Lead> shown;
    private final Runnable reload;

    /**
     * @param shown  shows a lead (after a change)
     * @param reload reloads the page's lead (after a stale edit)
     */
    LeadMatchesSection(LeadService leads, CurrentUser currentUser, Lead lead, Consumer<Lead> shown, Runnable reload) {
        this.leads = leads;
        this.currentUser = currentUser;
        this.shown = shown;
        this.reload = reload;
        setId("lead-matches");
        setWidthFull();
        if (lead.mergedIntoId() != null) {
            mergedAway(lead);
            return;
        }
        var merged = leads.mergedInto(lead.id());
        if (!merged.isEmpty()) {
            var list = new Div();
            list.setId("lead-merged-leads");
            list.add(new Span(getTranslation("lead.merge.merged-here") + " "));
            for (var m : merged) {
                var link = new Anchor(LeadView.route(m.id()), m.childName());
                link.getStyle().set("margin-right", "var(--lumo-space-m)");
                list.add(link);
            }
            add(list);
        }
        var matches = leads.matchesOf(lead.id());
        if (matches.isEmpty() && lead.familyId() == null) {
            setVisible(!merged.isEmpty());
            return;
        }
        add(new H3(getTranslation("lead.matches.title")));
        if (lead.familyId() != null) {
            var unlink = new Button(getTranslation("lead.family.unlink"), e -> act(() -> leads.linkFamily(lead.id(),
                    lead.version(), null), "lead.family.unlinked"));
            unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            unlink.setId("lead-family-unlink");
            var linked = new Span(getTranslation("lead.family.linked"));
            linked.setId("lead-family");
            add(row(linked, unlink));
        }
        if (!matches.isEmpty()) {
            add(new Paragraph(getTranslation("lead.matches.text")));
        }
        for (var match : matches) {
            var what = new Span(getTranslation("lead.duplicates.match", getTranslation("lead.match."
                    + match.kind().name().toLowerCase(java.util.Locale.ROOT)), match.name(),
                    match.reason() == LeadMatch.Reason.PHONE ? ContactNormaliser.display(match.value())
                            : match.value()));
            if (match.kind() == LeadMatch.Kind.LEAD) {
                var open = new Anchor(LeadView.route(match.id()), getTranslation("lead.matches.open"));
                var merge = new Button(getTranslation("lead.merge"), e -> confirmMerge(lead, match));
                merge.setId("lead-merge-" + match.id());
                add(row(what, open, merge));
            } else if (match.familyId() != null && !match.familyId().equals(lead.familyId())) {
                var link = new Button(getTranslation("lead.family.link"), e -> act(() -> leads.linkFamily(lead.id(),
                        lead.version(), match.familyId()), "lead.family.linked-done"));
                link.setId("lead-link-family-" + match.familyId());
                add(row(what, link));
            } else {
                add(row(what));
            }
        }
    }

    private void mergedAway(Lead lead) {
        var into = new Span(getTranslation("lead.merge.merged-into") + " ");
        var link = new Anchor(LeadView.route(lead.mergedIntoId()), getTranslation("lead.merge.open-survivor"));
        link.setId("lead-survivor");
        var banner = row(into, link);
        banner.getStyle().set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        if (currentUser.hasRole(Role.ADMIN)) {
            var undo = new Button(getTranslation("lead.merge.undo"), e -> act(() -> leads.undoMerge(lead.id()),
                    "lead.merge.undone"));
            undo.setId("lead-merge-undo");
            banner.add(undo);
        }
        add(banner);
    }

    private void confirmMerge(Lead lead, LeadMatch match) {
        var dialog = new ConfirmDialog();
        dialog.setId("lead-merge-confirm");
        dialog.setHeader(getTranslation("lead.merge.title"));
        dialog.setText(getTranslation("lead.merge.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("lead.merge"));
        dialog.addConfirmListener(e -> act(() -> {
            var other = leads.get(match.id());
            return leads.merge(lead.id(), lead.version(), other.id(), other.version());
        }, "lead.merge.done"));
        dialog.open();
    }

    private HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
        var row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        return row;
    }

    private void act(java.util.function.Supplier<Lead> change, String doneKey) {
        try {
            var changed = change.get();
            Notifications.success(getTranslation(doneKey));
            shown.accept(changed);
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, f -> null, reload)) {
                throw error;
            }
        }
    }
}
