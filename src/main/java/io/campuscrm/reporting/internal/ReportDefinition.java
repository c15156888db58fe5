package io.campuscrm.reporting.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;

/**
 * One report of the catalog: its template, who may run it, and how it gets its data. Implementations are
 * Spring beans that call the owning modules' read services.
 */
public interface ReportDefinition {

    ReportInfo info();

    /** The template's file name in {@code reports/}, without {@code .jrxml}. */
    String template();

    Set<Role> allowedRoles();

    /** Adds the report's own parameters (beyond institution, date and user) and returns its rows. */
    JRDataSource fill(Map<String, Object> parameters, Locale locale);
}
