package io.campuscrm.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.Settings;
import io.campuscrm.platform.JobOutcome;
import io.campuscrm.platform.JobRunInfo;
import io.campuscrm.platform.JobService;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The nightly job {@code attendance.expire-packages}, run as the Jobs screen runs it: a package past its expiry
 * forfeits what is left in the ledger and is expired, with its event; a package with lessons left expiring within
 * the warning days is warned about once, by e-mail to each guardian with an address in their language; a second run
 * does none of it again. The job works on the whole database, so each test looks at its own packages only.
 */
@CampusIntegrationTest
class PackageExpiryJobIT {

    private static final String JOB = "attendance.expire-packages";

    @Autowired
    ApplicationContext context;
    @Autowired
    JobService jobs;
    @Autowired
    LessonPackageService packages;
    @Autowired
    Settings settings;
    @Autowired
    JdbcTemplate jdbc;

    private AlertFixtures fixtures;
    private Campus orchard;

    @BeforeEach
    void fixtures() {
        fixtures = new AlertFixtures(context);
        orchard = fixtures.campus("Orchard");
    }

    @Test
    void a_package_past_its_expiry_forfeits_what_is_left_once_and_gets_its_event() {
        var today = TestClock.today();
        long course = fixtures.course();
        long student = fixtures.student(orchard);
        var expired = fixtures.grant(student, course, 5, today.minusDays(1));
        var current = fixtures.grant(student, course, 5, today);

        var run = run();
        assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(run.result().messageKey()).isEqualTo("job.result.packages-expired");
        assertThat(Integer.parseInt(run.result().args().getFirst())).isPositive();

        var after = SystemAuthentication.call(() -> packages.get(expired.id()));
        assertThat(after.state()).isEqualTo(LessonPackage.State.EXPIRED);
        assertThat(after.remaining()).isZero();
        assertThat(after.forfeitedValue()).isEqualByComparingTo("250.00");
        assertThat(status(expired.id())).isEqualTo("EXPIRED");
        assertThat(ledger(expired.id())).containsExactly(Map.of("kind", "EXPIRED", "quantity", "5.00",
                "value", "250.00"));
        assertThat(events(expired.id(), "EXPIRED")).containsExactly(today.minusDays(1));
        assertThat(status(current.id())).as("a package expiring today is still good today").isEqualTo("ACTIVE");

        assertThat(run().outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(ledger(expired.id())).as("after a second run").hasSize(1);
        assertThat(events(expired.id(), "EXPIRED")).hasSize(1);
    }

    @Test
    void a_package_expiring_soon_is_warned_about_once_to_each_guardian_with_an_address_in_their_language() {
        var today = TestClock.today();
        int days = settings.get(AttendanceSettings.EXPIRY_WARNING_DAYS);
        String mother = address("mother");
        String father = address("father");
        long student = fixtures.studentWithGuardians(orchard, FamilyDraft.unnamed(),
                new GuardianDraft("Chen Mei", GuardianRelationship.MOTHER, null, mother,
                        Language.SIMPLIFIED_CHINESE, true),
                new GuardianDraft("Chen Wei", GuardianRelationship.FATHER, null, father, null, false),
                new GuardianDraft("Chen Ah Ma", GuardianRelationship.GUARDIAN, "+6591234567", null, null, false));
        long course = fixtures.course();
        var soon = fixtures.grant(student, course, 4, today.plusDays(Math.min(2, days)));
        var later = fixtures.grant(student, course, 4, today.plusDays(days + 5));

        var run = run();
        assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(Integer.parseInt(run.result().args().get(1))).isPositive();
        assertThat(Integer.parseInt(run.result().args().get(2))).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForObject("SELECT expiry_warned FROM lesson_package WHERE id = ?", Boolean.class,
                soon.id())).isTrue();
        assertThat(events(soon.id(), "WARNED")).containsExactly(today);
        assertThat(events(later.id(), "WARNED")).as("expiring after the warning days").isEmpty();
        var mail = outbox(mother, father);
        assertThat(mail).hasSize(2);
        var chinese = mail.get(mother);
        assertThat(chinese.get("language")).isEqualTo("zh-CN");
        assertThat((String) chinese.get("subject")).startsWith("课时包到期提醒：Pupil Z")
                .endsWith(" 的 " + soon.courseName() + " 课时包即将到期");
        assertThat((String) chinese.get("body_text")).contains("Chen Mei，您好：", "还剩 4 课时",
                "将于 " + letterDate(soon.expiresOn(), "zh-SG") + " 到期");
        var english = mail.get(father);
        assertThat(english.get("language")).isEqualTo("en");
        assertThat((String) english.get("subject")).startsWith("Pupil Z")
                .endsWith("'s lesson package for " + soon.courseName() + " expires soon");
        assertThat((String) english.get("body_text")).contains("Dear Chen Wei,", "still has 4 lessons",
                "expires on " + letterDate(soon.expiresOn(), "en-SG"));

        run();
        assertThat(outbox(mother, father)).as("after a second run").hasSize(2);
        assertThat(events(soon.id(), "WARNED")).hasSize(1);
    }

    private JobRunInfo run() {
        return SystemAuthentication.call(() -> jobs.runAndWait(JOB)).orElseThrow();
    }

    private String status(long packageId) {
        return jdbc.queryForObject("SELECT status FROM lesson_package WHERE id = ?", String.class, packageId);
    }

    private List<Map<String, String>> ledger(long packageId) {
        return jdbc.query("SELECT kind, quantity, value FROM lesson_consumption WHERE package_id = ? ORDER BY id",
                (rs, n) -> Map.of("kind", rs.getString("kind"), "quantity", rs.getBigDecimal("quantity")
                        .toPlainString(), "value", rs.getBigDecimal("value").toPlainString()), packageId);
    }

    /** The dates of a package's events of a kind: EXPIRED's from date, WARNED's from date (the day it warned). */
    private List<LocalDate> events(long packageId, String kind) {
        return jdbc.queryForList("SELECT from_date FROM lesson_package_event WHERE package_id = ? AND kind = ?",
                LocalDate.class, packageId, kind);
    }

    private Map<String, Map<String, Object>> outbox(String... recipients) {
        Map<String, Map<String, Object>> rows = new java.util.HashMap<>();
        for (String recipient : recipients) {
            jdbc.queryForList("SELECT kind, language, subject, body_text FROM mail_outbox WHERE recipient = ?",
                    recipient).forEach(row -> {
                        assertThat(row.get("kind")).isEqualTo("PACKAGE_EXPIRING");
                        assertThat(rows.put(recipient, row)).as("one message to " + recipient).isNull();
                    });
        }
        return rows;
    }

    /** A date as a letter to a reader of the demo school (en-SG) writes it in their language. */
    static String letterDate(LocalDate date, String locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.forLanguageTag(locale)).format(date);
    }

    static String address(String who) {
        return SchedulingFixtures.unique(who).toLowerCase() + "@example.org";
    }
}
