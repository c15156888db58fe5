package io.campuscrm.reporting.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;

/**
 * One report of the catalog: its template, who may run it, the parameters it takes, and how it gets its data.
 * Implementations are Spring beans that call the owning modules' read services.
 */
public interface ReportDefinition {

    /** The catalog entry; its {@link ReportInfo#parameters()} are {@link #parameters()}. */
    ReportInfo info();

    /** The template's file name in {@code reports/}, without {@code .jrxml}. */
    String template();

    Set<Role> allowedRoles();

    /** The parameters the request must or may carry; checked before {@link #fill} is called. */
    default List<ReportParameter> parameters() {
        return info().parameters();
    }

    /**
     * Adds the report's own template parameters (beyond institution, date and user) and returns its rows.
     *
     * @param request    the checked request: every required parameter is there and well-formed
     * @param parameters the template's parameters, mutable
     */
    JRDataSource fill(ReportRequest request, Map<String, Object> parameters);
}
