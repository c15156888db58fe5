package io.campuscrm.attendance;

import static io.campuscrm.attendance.AttendanceStatus.ABSENT;
import static io.campuscrm.attendance.AttendanceStatus.EXCUSED;
import static io.campuscrm.attendance.AttendanceStatus.LATE;
import static io.campuscrm.attendance.AttendanceStatus.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.SettingsService;
import io.campuscrm.platform.JobService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The absence e-mail against a real SMTP server (GreenMail), with mail on and the setting on in this class's own
 * context: a student marked absent is reported to each guardian with an address, in the guardian's language, naming
 * the student, the class and the day; each absence once, whatever is saved again or retried; a change to another
 * status writes nothing; with the setting off nothing is written. The listener runs after the save, so each test
 * waits for the event registry to have nothing left to handle before it sends the outbox.
 */
@CampusIntegrationTest
class AbsenceEmailIT {

    private static final String SETTING = "attendance.absence-email";
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = start();

    @Autowired
    ApplicationContext context;
    @Autowired
    SettingsService settings;
    @Autowired
    JobService jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    private AlertFixtures fixtures;
    private Campus orchard;
    /** Publications still incomplete before the test began (the demo's, if any): not this test's to wait for. */
    private Set<String> before = Set.of();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "localhost");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        properties.add("campuscrm.mail.from", () -> "office@harbourside.example");
    }

    @BeforeEach
    void mailOnAndAbsenceEmailOn() {
        if (!smtp.isRunning()) {
            smtp = start();
        }
        fixtures = new AlertFixtures(context);
        orchard = fixtures.campus("Orchard");
        before = Set.copyOf(incomplete());
        if (!before.isEmpty()) {
            LoggerFactory.getLogger(AbsenceEmailIT.class).warn("Incomplete before the test: {}", jdbc.queryForList(
                    "SELECT LISTENER_ID, STATUS, COMPLETION_ATTEMPTS, PUBLICATION_DATE FROM EVENT_PUBLICATION"));
        }
        absenceEmail(true);
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Test
    void a_student_marked_absent_is_reported_once_to_each_guardian_with_an_address_in_their_language()
            throws Exception {
        String mother = PackageExpiryJobIT.address("mother");
        String father = PackageExpiryJobIT.address("father");
        long student = fixtures.studentWithGuardians(orchard, "陈小明", FamilyDraft.unnamed(),
                new GuardianDraft("陈美", GuardianRelationship.MOTHER, null, mother, Language.SIMPLIFIED_CHINESE,
                        true),
                new GuardianDraft("Chen Wei", GuardianRelationship.FATHER, null, father, null, false),
                new GuardianDraft("Chen Ah Ma", GuardianRelationship.GUARDIAN, "+6591234567", null, null, false));
        var schoolClass = fixtures.newClass(orchard);
        fixtures.enroll(schoolClass, student);
        var today = schoolClass.daysAgo(0);

        fixtures.mark(today, Map.of(student, ABSENT));
        var mail = delivered(mother, father);

        assertThat(mail).hasSize(2);
        var chinese = mail.get(mother);
        String chineseDay = PackageExpiryJobIT.letterDate(TestClock.today(), "zh-SG");
        assertThat(chinese.getSubject()).isEqualTo("缺勤通知：陈小明 未到 " + today.className() + " 上课");
        assertThat(body(chinese)).contains("学员 陈小明 于 " + chineseDay + " 未到 " + today.className() + " 上课");
        var english = mail.get(father);
        assertThat(english.getSubject()).startsWith("Pupil Z").endsWith(" was absent from " + today.className());
        assertThat(body(english)).contains(" was marked absent from " + today.className() + " on "
                + PackageExpiryJobIT.letterDate(TestClock.today(), "en-SG") + ", without a leave request");

        // the same absence saved again with a note, taken back and given again, and its event handled again
        fixtures.save(today, List.of(new SeatMark(RosterSeat.studentKey(student), ABSENT, null, "no answer")));
        fixtures.mark(today, Map.of(student, PRESENT));
        fixtures.mark(today, Map.of(student, ABSENT));
        SystemAuthentication.run(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> events
                .publishEvent(new AttendanceTaken(today.sessionId(), schoolClass.classId(), schoolClass.courseId(),
                        today.date(), true, List.of(new AttendanceTaken.Changed(student, ABSENT))))));
        assertThat(delivered(mother, father)).as("nothing more").isEmpty();
    }

    @Test
    void a_mark_corrected_to_absent_later_counts_once_and_a_change_to_another_status_writes_nothing()
            throws Exception {
        String mother = PackageExpiryJobIT.address("mother");
        long student = fixtures.studentWithGuardians(orchard, FamilyDraft.unnamed(),
                new GuardianDraft("Tan Mei", GuardianRelationship.MOTHER, null, mother, null, true));
        var schoolClass = fixtures.newClass(orchard);
        fixtures.enroll(schoolClass, student);
        fixtures.mark(schoolClass.daysAgo(2), Map.of(student, PRESENT));
        fixtures.mark(schoolClass.daysAgo(1), Map.of(student, LATE));
        fixtures.mark(schoolClass.daysAgo(0), Map.of(student, EXCUSED));
        assertThat(delivered(mother)).as("present, late, excused").isEmpty();

        fixtures.mark(schoolClass.daysAgo(2), Map.of(student, ABSENT));
        var mail = delivered(mother);
        assertThat(mail).hasSize(1);
        assertThat(body(mail.get(mother))).contains(" on "
                + PackageExpiryJobIT.letterDate(TestClock.today().minusDays(2), "en-SG") + ", without");

        fixtures.mark(schoolClass.daysAgo(2), Map.of(student, EXCUSED));
        assertThat(delivered(mother)).as("corrected to excused").isEmpty();
    }

    @Test
    void with_the_setting_off_an_absence_writes_nothing() throws Exception {
        String mother = PackageExpiryJobIT.address("mother");
        long student = fixtures.studentWithGuardians(orchard, FamilyDraft.unnamed(),
                new GuardianDraft("Lim Hui", GuardianRelationship.MOTHER, null, mother, null, true));
        var schoolClass = fixtures.newClass(orchard);
        fixtures.enroll(schoolClass, student);
        absenceEmail(false);
        try {
            fixtures.mark(schoolClass.daysAgo(0), Map.of(student, ABSENT));
            assertThat(delivered(mother)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class,
                    mother)).isZero();
        } finally {
            absenceEmail(true);
        }
    }

    /** Waits for the listeners, sends the outbox, and answers what these recipients received since the last call. */
    private Map<String, MimeMessage> delivered(String... recipients) throws Exception {
        // this test's events only: a publication left incomplete before it began is not its to wait for
        try {
            await().atMost(Duration.ofSeconds(30))
                    .failFast(() -> failed().stream().anyMatch(id -> !before.contains(id)))
                    .until(() -> before.containsAll(incomplete()));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("the absence listener did not complete: " + jdbc.queryForList(
                    "SELECT LISTENER_ID, STATUS, COMPLETION_ATTEMPTS, SERIALIZED_EVENT FROM EVENT_PUBLICATION"), e);
        }
        SystemAuthentication.call(() -> jobs.runAndWait("notifications.send-mail")).orElseThrow();
        Map<String, MimeMessage> received = new java.util.HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            if (Arrays.asList(recipients).contains(to)) {
                assertThat(received.put(to, message)).as("one message to " + to).isNull();
            }
        }
        smtp.purgeEmailFromAllMailboxes();
        return received;
    }

    private List<String> incomplete() {
        return jdbc.queryForList("SELECT ID FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", String.class);
    }

    private List<String> failed() {
        return jdbc.queryForList("SELECT ID FROM EVENT_PUBLICATION WHERE STATUS = 'FAILED'", String.class);
    }

    /** The plain-text part, as the recipient reads it (the raw body is quoted-printable). */
    private static String body(MimeMessage mail) throws Exception {
        return find((jakarta.mail.Multipart) mail.getContent());
    }

    private static String find(jakarta.mail.Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String found = find(nested);
                if (!found.isEmpty()) {
                    return found;
                }
            } else if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        return "";
    }

    private void absenceEmail(boolean on) {
        SystemAuthentication.run(() -> {
            var state = settings.all().stream().filter(s -> s.setting().key().equals(SETTING)).findFirst()
                    .orElseThrow();
            if (!String.valueOf(on).equals(state.institutionValue())) {
                settings.change(SETTING, null, state.institution().version(), String.valueOf(on));
            }
        });
    }

    private static GreenMail start() {
        var server = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
