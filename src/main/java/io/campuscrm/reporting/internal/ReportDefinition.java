package io.campuscrm.reporting.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Pageable;

import io.campuscrm.reporting.ReportChoice;
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
     * A page of the options of a {@link ReportParameter.Kind#CHOICE} parameter that the current user may choose,
     * whose label matches {@code text} (blank: all), in the order to offer them.
     */
    default List<ReportChoice> choices(String parameter, String text, Pageable page) {
        return List.of();
    }

    /**
     * The option with this value, when the current user may choose it; empty for a value that is no option and for
     * one outside the user's scope alike (a class of another teacher, a campus not theirs): the answer never tells
     * that such a record exists.
     */
    default Optional<ReportChoice> choice(String parameter, String value) {
        return Optional.empty();
    }

    /**
     * Adds the report's own template parameters (beyond institution, date and user) and returns its rows.
     *
     * @param request    the checked request: every required parameter is there and well-formed
     * @param parameters the template's parameters, mutable
     */
    JRDataSource fill(ReportRequest request, Map<String, Object> parameters);
}
