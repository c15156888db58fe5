package io.campuscrm.scheduling;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Prints a week timetable as a PDF. Scheduling only declares it: the reporting module, which depends on scheduling
 * and never the other way round, provides the bean, and the timetable view offers printing only when there is one.
 */
public interface TimetablePrinter {

    /** The file name for the week of {@code anyDay}, e.g. {@code timetable-teacher-5-2026-11-16.pdf}. */
    String fileName(TimetableScope scope, LocalDate anyDay);

    /** Writes the PDF of the week of {@code anyDay}, as the signed-in user may see it, in the given language. */
    void printPdf(TimetableScope scope, LocalDate anyDay, Locale locale, OutputStream out);
}
