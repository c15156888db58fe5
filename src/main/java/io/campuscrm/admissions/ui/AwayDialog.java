package io.campuscrm.admissions.ui;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * Someone's days away from the round of new leads (both days included), or back in it: an administrator's for anyone
 * of a team, an admissions user's for themselves.
 */
class AwayDialog extends Dialog {

    private final LeadPoolService pool;
    private final LeadPoolService.TeamMember member;
    private final Runnable saved;
    private final DatePicker from;
    private final DatePicker until;

    AwayDialog(LeadPoolService pool, LeadPoolService.TeamMember member, String name, boolean self,
            Runnable saved) {
        this.pool = pool;
        this.member = member;
        this.saved = saved;
        setHeaderTitle(self ? getTranslation("lead.team.away-mine") : getTranslation("lead.team.away-of", name));
        setWidth("26rem");
        setId("away-dialog");
        from = DatePickers.localized(new DatePicker(getTranslation("lead.team.away-from")));
        from.setId("team-away-from");
        from.setValue(member.awayFrom());
        until = DatePickers.localized(new DatePicker(getTranslation("lead.team.away-until")));
        until.setId("team-away-until");
        until.setValue(member.awayUntil());
        var save = ServiceErrors.primary(getTranslation("lead.team.save"));
        save.setId("team-away-save");
        save.addClickListener(e -> save(from.getValue(), until.getValue()));
        var clear = new Button(getTranslation("lead.team.back"), e -> save(null, null));
        clear.setId("team-away-clear");
        var cancel = new Button(getTranslation("lead.team.cancel"), e -> close());
        add(new VerticalLayout(new Paragraph(getTranslation(self ? "lead.team.away-help-mine" : "lead.team.away-help")),
                from, until));
        getFooter().add(cancel, clear, save);
    }

    private void save(@Nullable LocalDate awayFrom, @Nullable LocalDate awayUntil) {
        try {
            pool.setAway(member.userId(), member.version(), awayFrom, awayUntil);
            Notifications.success(getTranslation("lead.team.saved"));
            close();
            saved.run();
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, f -> "awayFrom".equals(f) ? from : "awayUntil".equals(f) ? until
                    : null, () -> {
                        close();
                        saved.run();
                    })) {
                throw error;
            }
        }
    }
}
