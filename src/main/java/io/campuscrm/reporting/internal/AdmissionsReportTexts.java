package io.campuscrm.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.ReportLabel;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.CurrentUser;

/**
 * What the admissions reports share: their parameters (period, optional campus), the campus picker narrowed to the
 * reader's campuses, the heading's period and campus, and a line's label in the reader's language.
 */
@Component
class AdmissionsReportTexts {

    private final AttendanceChoices choices;
    private final InstitutionService institution;
    private final MessageSource messages;
    private final CurrentUser currentUser;

    AdmissionsReportTexts(AttendanceChoices choices, InstitutionService institution, MessageSource messages,
            CurrentUser currentUser) {
        this.choices = choices;
        this.currentUser = currentUser;
        this.institution = institution;
        this.messages = messages;
    }

    static List<ReportParameter> periodAndCampus() {
        return List.of(ReportPeriods.from(), ReportPeriods.to(), ReportPeriods.campus());
    }

    List<ReportChoice> campuses(String parameter, String text, Pageable page) {
        return ReportPeriods.CAMPUS.equals(parameter) ? choices.campuses(text, page) : List.of();
    }

    Optional<ReportChoice> campus(String parameter, String value) {
        return ReportPeriods.CAMPUS.equals(parameter) ? choices.campus(value) : Optional.empty();
    }

    /** Puts PERIOD and CAMPUS (the one chosen, or "all your campuses"/"all campuses") into the parameters. */
    void heading(ReportRequest request, Map<String, Object> parameters, @Nullable Long campusId) {
        var locale = request.locale();
        boolean allCampuses = currentUser.scope().allCampuses();
        parameters.put("PERIOD", ReportPeriods.label(messages, locale, ReportPeriods.date(request, ReportPeriods.FROM),
                ReportPeriods.date(request, ReportPeriods.TO)));
        parameters.put("CAMPUS", campusId != null
                ? Optional.ofNullable(institution.campusesById(List.of(campusId)).get(campusId))
                        .map(c -> c.name()).orElse("")
                : text(allCampuses ? "report.att.all-campuses" : "report.admissions.your-campuses", locale));
    }

    String label(ReportLabel label, Locale locale) {
        return label.key() != null ? text(label.key(), locale) : label.name() == null ? "" : label.name();
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Hours to one decimal, for a column of numbers; null stays null. */
    static @Nullable BigDecimal hours(@Nullable Duration duration) {
        return duration == null ? null
                : BigDecimal.valueOf(duration.toSeconds()).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
    }
}
