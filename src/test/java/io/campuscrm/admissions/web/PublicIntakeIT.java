package io.campuscrm.admissions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.admissions.IntakeKeyDraft;
import io.campuscrm.admissions.IntakeKeyService;
import io.campuscrm.admissions.LeadChannel;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.internal.RateLimiter;
import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The public inquiry page and the intake endpoint over real HTTP, without a sign-in: a parent's inquiry becomes a
 * New lead in its campus's pool with the consent's wording and time and a confirmation in the parent's language;
 * the trap field and the per-address limit keep robots out; the same form sent twice makes one lead; wrong fields
 * come back marked and save nothing. The endpoint takes a lead with a live key, refuses a wrong or revoked key alike,
 * limits each key, answers each wrong field by name, and is idempotent on the caller's request id. Only the inquiry
 * page may be framed.
 */
@CampusIntegrationTest
class PublicIntakeIT {

    private static final Random RANDOM = new Random();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    LeadService leads;
    @Autowired
    IntakeKeyService keys;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Campus orchard;

    @BeforeEach
    void freshLimits() {
        limiter.reset();
        orchard = new SchedulingFixtures(context).campus("Orchard");
    }

    @Test
    void a_parents_inquiry_becomes_a_new_pool_lead_with_its_consent_and_a_confirmation_in_their_language()
            throws Exception {
        var page = get("/inquiry?lang=zh-CN");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(page.body()).contains("课程咨询", "Orchard", "name=\"website\"");
        assertThat(page.headers().firstValue("Set-Cookie")).as("no session").isEmpty();

        String phone = phone();
        String email = SchedulingFixtures.unique("parent").toLowerCase() + "@example.com";
        var sent = post(form(orchard.id(), "Tan Xiao Ming", phone, email, true, "", "zh-CN"));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/inquiry/thanks?lang=zh-CN"));
        assertThat(get(sent.headers().firstValue("Location").orElseThrow()).body()).contains("感谢您的咨询");
        var lead = SystemAuthentication.call(() -> leads.get(leadWith(phone)));
        assertThat(lead.stage()).isEqualTo(LeadStage.NEW);
        assertThat(lead.ownerId()).as("in the pool").isNull();
        assertThat(lead.campusId()).isEqualTo(orchard.id());
        assertThat(lead.channel()).isEqualTo(LeadChannel.FORM);
        assertThat(lead.language()).isEqualTo("zh-CN");
        assertThat(lead.consentText()).startsWith("我同意").contains("联系");
        assertThat(lead.consentAt()).isEqualTo(clock.instant());
        assertThat(lead.createdBy()).isEqualTo("inquiry-form");
        assertThat(jdbc.queryForObject("SELECT subject FROM mail_outbox WHERE recipient = ? AND kind = ?",
                String.class, email, "INQUIRY_RECEIVED")).isEqualTo("我们已收到您关于Tan Xiao Ming的咨询");
    }

    @Test
    void the_same_form_sent_twice_within_minutes_makes_one_lead() throws Exception {
        String phone = phone();
        var body = form(orchard.id(), "Lee Kai", phone, null, true, "", "en");
        assertThat(post(body).statusCode()).isEqualTo(303);
        clock.advance(Duration.ofMinutes(3));
        assertThat(post(body).statusCode()).isEqualTo(303);
        assertThat(leadsWith(phone)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(30));
        assertThat(post(body).statusCode()).isEqualTo(303);
        assertThat(leadsWith(phone)).as("asked again much later: a new inquiry").isEqualTo(2);
    }

    @Test
    void a_filled_in_trap_field_is_thanked_and_saves_nothing() throws Exception {
        String phone = phone();
        var sent = post(form(orchard.id(), "Robot Child", phone, null, true, "https://spam.example", "en"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(leadsWith(phone)).isZero();
    }

    @Test
    void wrong_fields_come_back_marked_with_what_was_typed_and_save_nothing() throws Exception {
        var body = form(orchard.id(), "", "12", "not-an-address", false, "", "en");
        var answer = post(body);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"child-error\"", "Enter the child", "id=\"phone-error\"",
                "not a valid phone number", "id=\"email-error\"", "id=\"consent-error\"", "value=\"not-an-address\"");
        assertThat(leadsWith("+6512")).isZero();
    }

    @Test
    void one_address_may_send_only_so_many_inquiries_an_hour() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post(form(orchard.id(), "Child " + i, phone(), null, true, "", "en")).statusCode())
                    .as("inquiry " + (i + 1)).isEqualTo(303);
        }
        String phone = phone();
        var refused = post(form(orchard.id(), "Child eleven", phone, null, true, "", "en"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("id=\"inquiry-too-many\"");
        assertThat(leadsWith(phone)).isZero();

        clock.advance(Duration.ofMinutes(61));
        assertThat(post(form(orchard.id(), "Child eleven", phone, null, true, "", "en")).statusCode())
                .isEqualTo(303);
    }

    @Test
    void only_the_inquiry_page_may_be_framed() throws Exception {
        var page = get("/inquiry");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors *"));
        var login = get("/login");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValueSatisfying(v -> assertThat(v)
                .isIn("DENY", "SAMEORIGIN"));
    }

    @Test
    void the_endpoint_takes_a_lead_with_a_live_key_and_is_idempotent_on_the_request_id() throws Exception {
        var key = SystemAuthentication.call(() -> keys.create(new IntakeKeyDraft(SchedulingFixtures.unique("Site"),
                websiteSource(), orchard.id(), null, 60)));
        String phone = phone();
        String json = """
                {"requestId": "form-%s", "childName": "Ng Wei", "guardianName": "Ng Li", "phone": "%s",
                 "message": "Piano for beginners?", "language": "zh-CN"}""".formatted(phone, phone);

        var created = api(key.secret(), json);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        var again = api(key.secret(), json);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"id\":" + id);
        assertThat(leadsWith(phone)).isEqualTo(1);

        var lead = SystemAuthentication.call(() -> leads.get(id));
        assertThat(lead.channel()).isEqualTo(LeadChannel.API);
        assertThat(lead.campusId()).as("the key's campus").isEqualTo(orchard.id());
        assertThat(lead.createdBy()).isEqualTo("intake:" + key.key().name());
        assertThat(lead.message()).isEqualTo("Piano for beginners?");
    }

    @Test
    void the_endpoint_refuses_a_missing_wrong_or_revoked_key_alike() throws Exception {
        var key = SystemAuthentication.call(() -> keys.create(new IntakeKeyDraft(SchedulingFixtures.unique("Ads"),
                websiteSource(), orchard.id(), null, 60)));
        String json = "{\"childName\": \"Koh An\", \"phone\": \"" + phone() + "\"}";
        assertThat(api(null, json).statusCode()).isEqualTo(401);
        assertThat(api(key.secret() + "x", json).statusCode()).isEqualTo(401);
        SystemAuthentication.run(() -> keys.revoke(key.key().id(), key.key().version()));
        var revoked = api(key.secret(), json);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(jdbc.queryForObject("SELECT key_hash FROM lead_intake_key WHERE id = ?", String.class,
                key.key().id())).as("only the hash is kept").doesNotContain(key.secret()).hasSize(64);
    }

    @Test
    void the_endpoint_answers_each_wrong_field_by_name_and_limits_each_key() throws Exception {
        var key = SystemAuthentication.call(() -> keys.create(new IntakeKeyDraft(SchedulingFixtures.unique("Fair"),
                websiteSource(), null, null, 3)));
        var wrong = api(key.secret(), "{\"phone\": \"12\", \"email\": \"nope\", \"language\": \"fr\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"childName\":", "\"phone\":", "\"email\":", "\"language\":",
                "\"campusId\":");
        assertThat(api(key.secret(), "{not json").statusCode()).isEqualTo(400);
        assertThat(api(key.secret(), "{}").statusCode()).as("the second").isEqualTo(400);
        assertThat(api(key.secret(), "{}").statusCode()).as("the third: an unreadable one did not count")
                .isEqualTo(400);
        var tooMany = api(key.secret(), "{}");
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Retry-After")).isPresent();
        clock.advance(Duration.ofSeconds(61));
        assertThat(api(key.secret(), "{\"campusId\": " + orchard.id() + ", \"childName\": \"Ong Bo\", \"phone\": \""
                + phone() + "\"}").statusCode()).isEqualTo(201);
    }

    private long websiteSource() {
        return jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.website'", Long.class);
    }

    private long leadWith(String phone) {
        return jdbc.queryForObject("SELECT id FROM admission_lead WHERE phone = ?", Long.class, "+65" + phone);
    }

    private int leadsWith(String phone) {
        String e164 = phone.startsWith("+") ? phone : "+65" + phone;
        return jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE phone = ?", Integer.class, e164);
    }

    private static String form(long campus, String child, String phone, String email, boolean consent, String trap,
            String lang) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lang", lang);
        fields.put("campus", String.valueOf(campus));
        fields.put("child", child);
        fields.put("guardian", "Parent of " + child);
        fields.put("phone", phone);
        if (email != null) {
            fields.put("email", email);
        }
        fields.put("times", "Saturday mornings");
        fields.put("website", trap);
        if (consent) {
            fields.put("consent", "yes");
        }
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        String url = path.startsWith("http") ? path : "http://localhost:" + port + path;
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inquiry"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String key, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/intake/leads"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String phone() {
        return String.valueOf(90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000));
    }
}
