package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.campuscrm.institution.Campus;
import io.campuscrm.platform.JobOutcome;
import io.campuscrm.platform.JobRunInfo;
import io.campuscrm.platform.JobService;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The daily e-mail of due follow-ups (job {@code admissions.follow-up-digest}) against a real SMTP server (GreenMail),
 * with mail on in this class's own context, as {@code AbsenceEmailIT} has it: a user who asked for it gets one
 * message in their language listing their leads due today or overdue and how many; a user who did not gets none;
 * a second run the same day sends nothing more. The job works on the whole database, so each test looks at its own
 * users' mail only.
 */
@CampusIntegrationTest
class FollowUpDigestJobIT {

    private static final String JOB = "admissions.follow-up-digest";
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = start();

    @Autowired
    ApplicationContext context;
    @Autowired
    JobService jobs;
    @Autowired
    LeadService leads;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;

    private Campus orchard;
    private long phoneSource;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "localhost");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        properties.add("campuscrm.mail.from", () -> "office@harbourside.example");
    }

    @BeforeEach
    void mailOn() {
        if (!smtp.isRunning()) {
            smtp = start();
        }
        orchard = new SchedulingFixtures(context).campus("Orchard");
        phoneSource = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.phone'",
                Long.class);
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Test
    void a_user_who_asked_gets_one_message_in_their_language_with_their_due_leads_and_a_second_run_sends_no_more()
            throws Exception {
        String chen = user("陈老师", Language.SIMPLIFIED_CHINESE);
        as(chen, () -> {
            users.changeOwnFollowUpDigest(true);
            return null;
        });
        due(chen, "林小雨", NextAction.CALL, 0);
        due(chen, "王大明", NextAction.MEETING, 3);
        due(chen, "Later Child", NextAction.CALL, -1);
        newLead(chen, "No Step Child");

        var run = run();
        assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(run.result().messageKey()).isEqualTo("job.result.follow-up-digests");
        assertThat(Integer.parseInt(run.result().args().getFirst())).isPositive();

        var mail = delivered(address(chen));
        assertThat(mail).hasSize(1);
        var message = mail.get(address(chen));
        assertThat(message.getSubject()).isEqualTo(letterDate(TestClock.today(), "zh-SG") + " 的跟进提醒：2 条待跟进");
        assertThat(body(message)).contains("陈老师，您好：", "您有 2 条线索的下一步今天到期或已逾期。",
                "林小雨 — 电话，" + letterDate(TestClock.today(), "zh-SG"),
                "王大明 — 面谈，" + letterDate(TestClock.today().minusDays(3), "zh-SG") + "（已逾期）")
                .doesNotContain("Later Child", "No Step Child");
        assertThat(body(message).indexOf("王大明")).as("by date: the overdue one first")
                .isLessThan(body(message).indexOf("林小雨"));

        assertThat(run().outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(delivered(address(chen))).as("after a second run the same day").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class,
                address(chen))).isOne();
    }

    @Test
    void a_user_who_did_not_ask_gets_none_and_one_who_did_reads_it_in_the_schools_language() throws Exception {
        String quiet = user("Quiet Tan", null);
        String keen = user("Keen Lim", null);
        as(keen, () -> {
            users.changeOwnFollowUpDigest(true);
            return null;
        });
        due(quiet, "Quiet Child", NextAction.CALL, 0);
        due(keen, "Keen Child", NextAction.MESSAGE, 1);

        assertThat(run().outcome()).isEqualTo(JobOutcome.SUCCEEDED);

        var mail = delivered(address(quiet), address(keen));
        assertThat(mail).containsOnlyKeys(address(keen));
        var message = mail.get(address(keen));
        assertThat(message.getSubject()).isEqualTo("Your follow-ups for " + letterDate(TestClock.today(), "en-SG")
                + ": 1 due");
        assertThat(body(message)).contains("Dear Keen Lim,", "Keen Child — Message, "
                + letterDate(TestClock.today().minusDays(1), "en-SG") + " (overdue)").doesNotContain("Quiet Child");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class,
                address(quiet))).isZero();
    }

    /** A lead of the user's whose next action is {@code daysAgo} days ago (negative: ahead). */
    private Lead due(String username, String child, NextAction action, int daysAgo) {
        var lead = newLead(username, child);
        var next = TestClock.today().plusDays(Math.max(0, -daysAgo));
        var followedUp = as(username, () -> leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(
                FollowUpKind.CALL, "Spoke to the parent", action, next, null)));
        if (daysAgo > 0) {
            // a next action cannot be set in the past: the date of one that fell due meanwhile
            jdbc.update("UPDATE admission_lead SET next_action_on = ? WHERE id = ?",
                    TestClock.today().minusDays(daysAgo), lead.id());
        }
        return followedUp;
    }

    private Lead newLead(String username, String child) {
        return as(username, () -> leads.create(LeadDraft.of(orchard.id(), child, "Parent", null,
                SchedulingFixtures.unique("lead").toLowerCase(Locale.ROOT) + "@example.org", phoneSource), true));
    }

    private String user(String name, Language language) {
        String username = SchedulingFixtures.unique("digest").toLowerCase(Locale.ROOT);
        SystemAuthentication.call(() -> users.create(new UserDraft(username, name, address(username),
                Set.of(Role.ADMISSIONS), Set.of(orchard.id()), language), "a long enough password"));
        return username;
    }

    private static String address(String username) {
        return username + "@example.org";
    }

    private JobRunInfo run() {
        return SystemAuthentication.call(() -> jobs.runAndWait(JOB)).orElseThrow();
    }

    /** Sends the outbox and answers what these recipients received since the last call. */
    private Map<String, MimeMessage> delivered(String... recipients) throws Exception {
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

    /** The plain-text part, as the recipient reads it (the raw body is quoted-printable). */
    private static String body(MimeMessage mail) throws Exception {
        return find((Multipart) mail.getContent());
    }

    private static String find(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
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

    /** A date as a letter to a reader of the demo school (en-SG) writes it in their language. */
    private static String letterDate(java.time.LocalDate date, String locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(locale)).format(date);
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
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
