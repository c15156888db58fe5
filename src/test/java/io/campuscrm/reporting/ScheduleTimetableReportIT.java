package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
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
    ClassSearch classes;
    @Autowired
    RoomService rooms;

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
    void a_teacher_picks_only_their_own_timetable_by_name_and_another_teachers_is_no_choice() {
        long daniel = users.colleagues(Role.TEACHER, "Daniel Lim", PageRequest.of(0, 1)).getContent().getFirst().id();
        long other = SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 200))
                .stream().filter(c -> !c.teacherNames().contains("Daniel Lim")).findFirst()
                .map(c -> classes.get(c.id()).teacherIds().iterator().next()).orElseThrow());

        var offered = reports.choices("timetable", "subject", "", PageRequest.of(0, 50));
        assertThat(offered).extracting(ReportChoice::label).contains("Teacher: Daniel Lim")
                .noneMatch(label -> label.startsWith("Campus") || label.startsWith("Room"));
        assertThat(offered).extracting(ReportChoice::value).contains("teacher:" + daniel)
                .doesNotContain("teacher:" + other);
        assertThat(reports.choice("timetable", "subject", "teacher:" + other)).isEmpty();
        for (String refused : List.of("teacher:" + other, "teacher:" + Long.MAX_VALUE)) {
            assertThatThrownBy(() -> reports.render(ReportRequest.of("timetable", ReportFormat.PDF, Locale.UK)
                    .with("week", DEMO_WEEK.toString()).with("subject", refused), new ByteArrayOutputStream()))
                    .isInstanceOf(DomainException.class).extracting("messageKey")
                    .isEqualTo("report.error.parameter-not-a-choice");
        }
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_finds_a_room_a_teacher_or_a_class_by_typing_part_of_its_name() {
        var room = SystemAuthentication.call(() -> rooms.find(RoomFilter.all(), PageRequest.of(0, 1)).getContent()
                .getFirst());
        assertThat(reports.choices("timetable", "subject", room.name(), PageRequest.of(0, 50)))
                .extracting(ReportChoice::value, ReportChoice::label).contains(tuple("room:" + room.id(),
                        "Room " + room.name()));
        assertThat(reports.choices("timetable", "subject", "Daniel", PageRequest.of(0, 50)))
                .extracting(ReportChoice::label).contains("Teacher: Daniel Lim");
        assertThat(reports.choice("timetable", "subject", "room:" + room.id())).map(ReportChoice::label)
                .contains("Room " + room.name());
    }

    @Test
    @WithUserDetails("admin")
    void an_unknown_kind_of_timetable_is_refused_before_any_work() {
        for (String value : List.of("planet:1", "teacher", "teacher:x", "")) {
            assertThatThrownBy(() -> reports.render(ReportRequest.of("timetable", ReportFormat.PDF, Locale.UK)
                    .with("week", DEMO_WEEK.toString()).with("subject", value), new ByteArrayOutputStream()))
                    .as(value).isInstanceOf(DomainException.class);
        }
    }

    private static void keep(byte[] pdf, String name) throws IOException {
        Path file = Path.of("target/reports", name); // for a person to look at
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
    }
}
