package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.StudentContacts;
import io.campuscrm.students.StudentFiles;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The class roster on the demo data: the teacher's sheet lists every current student with guardians' phones (Chinese
 * names included) and the waiting list; the counts are scheduling's; a teacher prints only their own classes.
 */
@CampusIntegrationTest
class ClassRosterReportIT {

    private static final String ROSTER = "class-roster";

    @Autowired
    ReportService reports;
    @Autowired
    ClassSearch classes;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    StudentFiles students;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    TestClock clock;

    @Test
    @WithUserDetails("admin")
    void the_pdf_lists_enrolled_students_with_guardians_phones_and_chinese_names_then_the_waiting_list()
            throws IOException {
        var rostered = classWithWaitingListAndChineseNames();
        var occupancy = enrollments.occupancy(rostered.id());
        var current = current(rostered.id());
        Map<Long, StudentContacts> contacts = students.contacts(current.stream().map(Enrollment::studentId).toList());
        clock.advance(Duration.ofSeconds(1)); // after the test's own read of the contacts, which is audited too
        Instant before = clock.instant();

        String text = pdfText(render(rostered.id(), ReportFormat.PDF, "class-roster.pdf"));

        assertThat(text).contains("Class roster", rostered.code() + " · " + rostered.name(), rostered.courseName(),
                rostered.termName(), rostered.roomName(),
                occupancy.places() + " places · " + occupancy.enrolled() + " enrolled · " + occupancy.waiting()
                        + " waiting",
                occupancy.enrolled() + " students", "Waiting list: " + occupancy.waiting(), "Waiting since");
        rostered.teacherNames().forEach(teacher -> assertThat(text).contains(teacher));
        assertThat(current.stream().filter(e -> e.status() == EnrollmentStatus.ENROLLED)).hasSize(occupancy.enrolled());
        assertThat(current.stream().filter(e -> e.status() == EnrollmentStatus.WAITING)).hasSize(occupancy.waiting());
        for (Enrollment e : current) {
            assertThat(text).contains(e.studentNumber(), squeeze(e.studentName()));
            var contact = contacts.get(e.studentId());
            if (contact.chineseName() != null) {
                assertThat(text).contains(contact.chineseName());
            }
            contact.guardians().stream().filter(g -> g.phone() != null).forEach(g -> assertThat(text)
                    .contains(squeeze(g.fullName()), ContactNormaliser.display(g.phone())));
        }
        assertThat(contacts.values()).anySatisfy(c -> assertThat(c.chineseName()).isNotBlank());
        assertThat(text.indexOf("Waiting list: ")).as("the waiting list comes after the enrolled students")
                .isGreaterThan(text.indexOf(current.getFirst().studentNumber()));
        var audited = auditLog.search(new AuditFilter("admin", "Student", null, AuditAction.READ, before, null),
                PageRequest.of(0, 20)).getContent();
        assertThat(audited).anySatisfy(a -> assertThat(a.summary())
                .isEqualTo("Read the guardians' contacts of " + current.size() + " students"));
        assertThat(auditLog.search(new AuditFilter("admin", "Report", ROSTER, AuditAction.EXPORT, before, null),
                PageRequest.of(0, 20)).getContent()).anySatisfy(a -> assertThat(a.summary())
                        .contains("classId=" + rostered.id()));
    }

    @Test
    @WithUserDetails("admin")
    void a_roster_printed_in_chinese_lists_days_and_guardians_the_chinese_way() throws IOException {
        var rostered = classWithWaitingListAndChineseNames();
        String text = pdfText(render(rostered.id(), ReportFormat.PDF, Locale.forLanguageTag("zh-SG"),
                "class-roster-zh.pdf"));

        var contacts = students.contacts(current(rostered.id()).stream().map(Enrollment::studentId).toList());
        var mother = contacts.values().stream().flatMap(c -> c.guardians().stream())
                .filter(g -> g.relationship() == GuardianRelationship.MOTHER).findFirst().orElseThrow();
        assertThat(text).contains(squeeze(mother.fullName()) + "（母亲）").doesNotContain(squeeze(mother.fullName()) + " (");
        var twiceAWeek = allClasses().stream()
                .filter(c -> c.recurrence() != null && c.recurrence().weekdays().size() > 1).findFirst().orElseThrow();
        var schedule = new ByteArrayOutputStream();
        reports.render(ReportRequest.of(ROSTER, ReportFormat.PDF, Locale.forLanguageTag("zh-SG"))
                .with("classId", String.valueOf(twiceAWeek.id())), schedule);
        assertThat(pdfText(schedule.toByteArray())).as("weekdays joined with the enumeration comma")
                .containsPattern("周.、周");
    }

    @Test
    @WithUserDetails("admin")
    void the_xlsx_has_every_current_student_and_the_waiting_list() throws IOException {
        var rostered = classWithWaitingListAndChineseNames();
        var current = current(rostered.id());

        var xlsx = render(rostered.id(), ReportFormat.XLSX, "class-roster.xlsx");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> cells = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
            assertThat(cells).contains("Student no.", "Guardians", "Waiting since");
            for (Enrollment e : current) {
                assertThat(cells).contains(e.studentNumber());
            }
        }
    }

    @Test
    @WithUserDetails("admin")
    void a_roster_without_a_class_is_refused_on_the_class_field() {
        assertThatThrownBy(() -> reports.render(ReportRequest.of(ROSTER, ReportFormat.PDF, Locale.ENGLISH),
                new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("classId");
                    assertThat(e.messageKey()).isEqualTo("report.error.parameter-required");
                });
        assertThatThrownBy(() -> reports.start(ReportRequest.of(ROSTER, ReportFormat.PDF, Locale.ENGLISH)
                .with("classId", "not-a-class")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("classId");
                    assertThat(e.messageKey()).isEqualTo("report.error.parameter-not-a-choice");
                });
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_prints_the_roster_of_their_own_class_but_not_another_teachers() throws IOException {
        var mine = classes.find(ClassFilter.all(), PageRequest.of(0, 100)).getContent();
        assertThat(mine).isNotEmpty();
        var notMine = SystemAuthentication.call(() -> allClasses().stream()
                .filter(c -> mine.stream().noneMatch(m -> m.id() == c.id())).findFirst().orElseThrow());

        assertThat(reports.choices(ROSTER, "classId", "", PageRequest.of(0, 100)))
                .extracting(ReportChoice::value)
                .containsExactlyInAnyOrderElementsOf(mine.stream().map(c -> String.valueOf(c.id())).toList());
        String text = pdfText(render(mine.getFirst().id(), ReportFormat.PDF, "class-roster-teacher.pdf"));
        assertThat(text).contains(mine.getFirst().code());

        // another teacher's class is no choice, exactly like a class that does not exist
        for (long refused : List.of(notMine.id(), Long.MAX_VALUE)) {
            assertThatThrownBy(() -> render(refused, ReportFormat.PDF, "refused.pdf"))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                            .isEqualTo("report.error.parameter-not-a-choice"));
            assertThatThrownBy(() -> reports.start(ReportRequest.of(ROSTER, ReportFormat.XLSX, Locale.ENGLISH)
                    .with("classId", String.valueOf(refused)))).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("report.error.parameter-not-a-choice"));
        }
        assertThat(reports.choice(ROSTER, "classId", String.valueOf(notMine.id()))).isEmpty();
    }

    @Test
    @WithUserDetails("finance")
    void finance_does_not_get_the_roster() {
        assertThat(reports.availableReports()).extracting(ReportInfo::id).doesNotContain(ROSTER)
                .contains("enrollments-by-course");
    }

    private ClassSummary classWithWaitingListAndChineseNames() {
        return SystemAuthentication.call(() -> allClasses().stream()
                .filter(c -> enrollments.occupancy(c.id()).waiting() > 0)
                .filter(c -> students.contacts(current(c.id()).stream().map(Enrollment::studentId).toList())
                        .values().stream().anyMatch(s -> s.chineseName() != null))
                .findFirst().orElseThrow());
    }

    private List<ClassSummary> allClasses() {
        return classes.find(ClassFilter.all(), PageRequest.of(0, 500)).getContent();
    }

    private List<Enrollment> current(long classId) {
        return enrollments.enrollments(classId, true, PageRequest.of(0, 500)).getContent();
    }

    private byte[] render(long classId, ReportFormat format, String keepAs) {
        return render(classId, format, Locale.ENGLISH, keepAs);
    }

    private byte[] render(long classId, ReportFormat format, Locale locale, String keepAs) {
        var out = new ByteArrayOutputStream();
        reports.render(ReportRequest.of(ROSTER, format, locale).with("classId", String.valueOf(classId)), out);
        byte[] bytes = out.toByteArray();
        try { // kept for a person to look at: target/reports/
            var file = Path.of("target/reports", keepAs);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /** The PDF's text with line breaks and runs of spaces as single spaces: long names wrap. */
    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return squeeze(new PDFTextStripper().getText(document));
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
