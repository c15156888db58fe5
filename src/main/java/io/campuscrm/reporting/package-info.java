/**
 * Reports: the catalog of JasperReports templates (top-level {@code reports/}), compiled once and cached,
 * filled from the other modules' read services, exported to PDF (fonts embedded) and XLSX and streamed to the
 * browser.
 */
@ApplicationModule(displayName = "Reporting", allowedDependencies = {"shared", "security", "institution", "scheduling",
        "students", "attendance", "admissions"})
@NullMarked
package io.campuscrm.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
