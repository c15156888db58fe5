package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetablePrinter;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.timetable.TimetableWeeks;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/** The printable timetable filled from the demo schedule (last week is a week of the current term with lessons). */
@CampusIntegrationTest
class ScheduleTimetableReportIT {

    private static final LocalDate DEMO_WEEK = TestClock.monday(-1);

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.UK);

    @Autowired
    ReportService reports;
    @Autowired
    TimetablePrinter printer;
    @Autowired
    TimetableService timetables;
    @Autowired
    UserService users;
    @Autowired
    ClassService classes;

    @Test
    @WithUserDetails("teacher")
    void a_teacher_prints_their_week_with_their_name_and_every_class_code() throws IOException {
        long daniel = users.colleagues(Role.TEACHER, "Daniel Lim", PageRequest.of(0, 1)).getContent().getFirst().id();
        var sessions = timetables.sessionsBetween(TimetableScope.teacher(daniel), DEMO_WEEK, DEMO_WEEK.plusDays(7));
        assertThat(sessions).isNotEmpty();

        var out = new ByteArrayOutputStream();
        printer.printPdf(TimetableScope.teacher(daniel), DEMO_WEEK.plusDays(3), Locale.UK, out);
        keep(out.toByteArray(), "timetable-teacher.pdf");

        try (var document = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Timetable · Teacher: Daniel Lim", "Week " + TimetableWeeks.weekNumber(DEMO_WEEK) + " · "
                    + UK_DATE.format(DEMO_WEEK) + " – " + UK_DATE.format(DEMO_WEEK.plusDays(6)),
                    "Sessions: " + sessions.size());
            assertThat(text).contains(sessions.stream().map(ScheduledSession::classCode).distinct().toList());
            assertThat(text).contains(sessions.getFirst().roomName() + " · Daniel Lim");
        }
        assertThat(printer.fileName(TimetableScope.teacher(daniel), DEMO_WEEK.plusDays(3)))
                .isEqualTo("timetable-teacher-" + daniel + "-" + DEMO_WEEK + ".pdf");
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_cannot_print_another_teachers_timetable() {
        long other = SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 200))
                .stream().filter(c -> !c.teacherNames().contains("Daniel Lim")).findFirst()
                .map(c -> classes.get(c.id()).teacherIds().iterator().next()).orElseThrow());

        assertThatThrownBy(() -> reports.render(ReportRequest.of("timetable", ReportFormat.PDF, Locale.UK)
                .with("week", DEMO_WEEK.toString()).with("scope", "teacher").with("id", String.valueOf(other)),
                new ByteArrayOutputStream()))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("timetable.not-available");
    }

    @Test
    @WithUserDetails("admin")
    void an_unknown_kind_of_timetable_is_refused_before_any_work() {
        assertThatThrownBy(() -> reports.render(ReportRequest.of("timetable", ReportFormat.PDF, Locale.UK)
                .with("week", DEMO_WEEK.toString()).with("scope", "planet").with("id", "1"), new ByteArrayOutputStream()))
                .isInstanceOf(DomainException.class).extracting("messageKey")
                .isEqualTo("report.timetable.error.scope");
    }

    private static void keep(byte[] pdf, String name) throws IOException {
        Path file = Path.of("target/reports", name); // for a person to look at
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
    }
}
