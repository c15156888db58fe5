package io.campuscrm.reporting.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Pageable;

import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.shared.security.Role;

/**
 * What the admissions reports over a period and an optional campus have in common (decision 0078): their catalog
 * entry with those two parameters, the template named as the report, the campus choices the reader may make, and who
 * may run them (admissions and administrators, unless a report says otherwise). Each fills its own rows.
 */
abstract class AdmissionsPeriodReport implements ReportDefinition {

    private final String id;
    private final String titleKey;
    private final String descriptionKey;
    private final Set<Role> roles;
    protected final AdmissionsReportTexts texts;

    AdmissionsPeriodReport(String id, String titleKey, String descriptionKey, Set<Role> roles,
            AdmissionsReportTexts texts) {
        this.id = id;
        this.titleKey = titleKey;
        this.descriptionKey = descriptionKey;
        this.roles = Set.copyOf(roles);
        this.texts = texts;
    }

    AdmissionsPeriodReport(String id, String titleKey, String descriptionKey, AdmissionsReportTexts texts) {
        this(id, titleKey, descriptionKey, Set.of(Role.ADMIN, Role.ADMISSIONS), texts);
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(id, titleKey, descriptionKey, AdmissionsReportTexts.periodAndCampus());
    }

    @Override
    public String template() {
        return id;
    }

    @Override
    public Set<Role> allowedRoles() {
        return roles;
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        return texts.campuses(parameter, text, page);
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return texts.campus(parameter, value);
    }
}
