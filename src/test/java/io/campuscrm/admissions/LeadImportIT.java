package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.attendance.AlertFixtures;
import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.shared.imports.ImportProblem;
import io.campuscrm.shared.imports.ImportRow;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * CSV import of leads: a clean file imports every row at once (siblings too), New, through the import channel, in
 * the pool or with the owner a row names, with the inquiries' dates; one bad row imports nothing and the preview
 * names each problem by line and column; known contacts are warnings; a repeated row and another campus's rows are
 * refused; a file's look-ups are a fixed number of statements whatever its size, and its import a few per 500 rows.
 */
@CampusIntegrationTest
class LeadImportIT {

    private static final Random RANDOM = new Random();
    private static final String HEADER = "campus,child_name,guardian_name,phone,email,source,campaign,course,"
            + "preferred_times,message,owner,inquiry_date\n";

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadImportService imports;
    @Autowired
    LeadService leads;
    @Autowired
    LeadCatalogService catalog;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;

    private Campus orchard;
    private Campus tampines;
    private String orchardAdmissions;
    private String tampinesAdmissions;

    @BeforeEach
    void campusesAndPeople() {
        var scheduling = new SchedulingFixtures(context);
        orchard = scheduling.campus("Orchard");
        tampines = scheduling.campus("Tampines");
        orchardAdmissions = admissionsUser(orchard);
        tampinesAdmissions = admissionsUser(tampines);
    }

    @Test
    void a_clean_file_with_a_sibling_imports_every_row_at_once_new_in_the_pool_or_with_its_owner_and_its_dates() {
        String m = marker();
        String phone = localPhone();
        var course = new SchedulingFixtures(context).course();
        long website = source("lead.source.website");
        var campaign = SystemAuthentication.call(() -> catalog.createCampaign(new CampaignDraft("Fair " + m,
                website, TestClock.today().minusDays(60), TestClock.today(), new BigDecimal("500.00"))));
        LocalDate monthAgo = TestClock.today().minusDays(30);
        String csv = HEADER
                + "orchard,Koh Wei " + m + ",Koh Mei,\"" + phone + "\",,website,Fair " + m + "," + course.code()
                + ",Saturdays,Maths for P4,," + monthAgo + "\n"
                + "Orchard,Koh Hui " + m + ",Koh Mei,+65 " + phone + ",,Walk-in,,,,," + orchardAdmissions + ","
                + TestClock.today() + "\n"
                + "Orchard,陈小明 " + m + ",陈太太,,chen." + m.toLowerCase() + "@example.org,官网,,,,,,\n";

        var preview = as(orchardAdmissions, () -> imports.preview(stream(csv)));

        assertThat(preview.clean()).as(problemsByLine(preview).toString()).isTrue();
        assertThat(preview.rows().get(1).warnings()).extracting(ImportProblem::messageKey)
                .containsExactly("lead.import.warning.sibling");
        var result = as(orchardAdmissions, () -> imports.importLeads(preview, null));

        assertThat(result).isEqualTo(new LeadImportResult(3, 2, 0));
        var imported = as(orchardAdmissions, () -> leads.find(new LeadService.LeadFilter(null, null, null, false,
                false, false, null, m), PageRequest.of(0, 10))).getContent();
        assertThat(imported).hasSize(3).allSatisfy(l -> {
            assertThat(l.stage()).isEqualTo(LeadStage.NEW);
            assertThat(l.channel()).isEqualTo(LeadChannel.IMPORT);
            assertThat(l.createdBy()).isEqualTo(orchardAdmissions);
            assertThat(l.campusId()).isEqualTo(orchard.id());
        });
        var wei = lead(imported, "Koh Wei " + m);
        assertThat(wei.ownerId()).as("in the pool").isNull();
        assertThat(wei.phone()).isEqualTo("+65" + phone.replace(" ", ""));
        assertThat(wei.sourceId()).isEqualTo(website);
        assertThat(wei.campaignId()).isEqualTo(campaign.id());
        assertThat(wei.courseId()).isEqualTo(course.id());
        assertThat(wei.createdAt()).isEqualTo(monthAgo.atStartOfDay(TestClock.ZONE).toInstant());
        var hui = lead(imported, "Koh Hui " + m);
        assertThat(hui.ownerId()).isEqualTo(userId(orchardAdmissions));
        assertThat(hui.sourceId()).isEqualTo(source("lead.source.walk-in"));
        var chen = lead(imported, "陈小明 " + m);
        assertThat(chen.sourceId()).as("a built-in source by its Chinese name").isEqualTo(website);
        assertThat(chen.email()).isEqualTo("chen." + m.toLowerCase() + "@example.org");
        assertThat(as(orchardAdmissions, () -> leads.history(wei.id()))).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("CREATED");
            assertThat(e.at()).isEqualTo(wei.createdAt());
        });
    }

    @Test
    void a_file_with_bad_rows_imports_nothing_and_the_preview_names_each_problem_by_line_and_column() {
        String m = marker();
        String csv = HEADER
                + "Orchard,Good " + m + ",,\"" + localPhone() + "\",,phone,,,,,,\n"
                + "Atlantis,Nowhere " + m + ",,\"" + localPhone() + "\",,phone,,,,,,\n"
                + "Orchard,Bad Phone " + m + ",,12345,,phone,,,,,,\n"
                + "Orchard,,Parent " + m + ",\"" + localPhone() + "\",,phone,,,,,,\n"
                + "Orchard,Tomorrow " + m + ",,\"" + localPhone() + "\",,phone,,,,,," + TestClock.today().plusDays(1)
                + "\n"
                + "Orchard,Nothing " + m + ",,,,phone,,,,,,14/03/2025\n";

        var preview = as(orchardAdmissions, () -> imports.preview(stream(csv)));

        assertThat(preview.clean()).isFalse();
        assertThat(problemsByLine(preview)).containsExactly(
                "2:",
                "3:campus=import.error.campus-unknown",
                "4:phone=lead.error.phone",
                "5:child_name=lead.error.child-required",
                "6:inquiry_date=import.error.date-future",
                "7:phone=lead.error.contact-required,inquiry_date=lead.import.error.date");
        assertThatThrownBy(() -> as(orchardAdmissions, () -> imports.importLeads(preview, null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.not-clean"));
        assertThat(countWith(m)).isZero();
    }

    @Test
    void known_contacts_are_warnings_a_known_familys_child_is_linked_and_the_rows_still_import() {
        String m = marker();
        String phone = localPhone();
        var known = as(orchardAdmissions, () -> leads.create(LeadDraft.of(orchard.id(), "Earlier " + m, "Ng Li",
                phone, null, source("lead.source.phone")), true));
        String email = "family-" + m.toLowerCase() + "@example.org";
        long student = new AlertFixtures(context).studentWithGuardians(orchard, FamilyDraft.unnamed(),
                new GuardianDraft("Lau Mei " + m, GuardianRelationship.MOTHER, null, email, null, true));
        long family = jdbc.queryForObject("SELECT family_id FROM student WHERE id = ?", Long.class, student);
        String csv = HEADER
                + "Orchard,Again " + m + ",Ng Li,\"" + phone + "\",,phone,,,,,,\n"
                + "Orchard,Lau Jia " + m + ",Lau Mei,," + email.toUpperCase() + ",referral,,,,,,\n";

        var preview = as(orchardAdmissions, () -> imports.preview(stream(csv)));

        assertThat(preview.clean()).isTrue();
        assertThat(preview.rows().get(0).warnings()).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("phone");
            assertThat(w.messageKey()).isEqualTo("lead.import.warning.known-lead");
            assertThat(w.args()).containsExactly("Earlier " + m + " · Ng Li");
        });
        assertThat(preview.rows().get(1).warnings()).extracting(ImportProblem::messageKey)
                .containsExactly("lead.import.warning.known-guardian", "lead.import.warning.linked");
        var result = as(orchardAdmissions, () -> imports.importLeads(preview, null));

        assertThat(result).isEqualTo(new LeadImportResult(2, 2, 1));
        var sibling = jdbc.queryForObject("SELECT family_id FROM admission_lead WHERE child_name = ?", Long.class,
                "Lau Jia " + m);
        assertThat(sibling).isEqualTo(family);
        assertThat(as(orchardAdmissions, () -> leads.get(known.id())).mergedIntoId()).as("nothing merged").isNull();
        assertThat(countWith(m)).isEqualTo(3);
    }

    @Test
    void a_row_repeated_in_the_file_is_refused_on_the_later_line() {
        String m = marker();
        String phone = localPhone();
        String csv = HEADER
                + "Orchard,Sim Kai " + m + ",,\"" + phone + "\",,phone,,,,,,\n"
                + "Orchard,Sim Wen " + m + ",,\"" + phone + "\",,phone,,,,,,\n"
                + "Orchard, sim kai " + m.toLowerCase() + " ,,\"+65 " + phone + "\",,phone,,,,,,\n";

        var preview = as(orchardAdmissions, () -> imports.preview(stream(csv)));

        assertThat(problemsByLine(preview)).containsExactly("2:", "3:", "4:child_name=lead.import.error.repeated");
        assertThat(preview.rows().get(2).problems().getFirst().args()).containsExactly("2");
        assertThat(preview.clean()).isFalse();
    }

    @Test
    void another_campuss_rows_and_owners_are_refused_for_an_admissions_user_of_one_campus() {
        String m = marker();
        String csv = HEADER
                + "Tampines,Elsewhere " + m + ",,\"" + localPhone() + "\",,phone,,,,,,\n"
                + "Orchard,Given Away " + m + ",,\"" + localPhone() + "\",,phone,,,,," + tampinesAdmissions + ",\n"
                + "Orchard,Nobody " + m + ",,\"" + localPhone() + "\",,phone,,,,,no-such-user-" + m + ",\n"
                + "Orchard,Unknown Source " + m + ",,\"" + localPhone() + "\",,telepathy,,,,,,\n";

        var preview = as(orchardAdmissions, () -> imports.preview(stream(csv)));

        assertThat(problemsByLine(preview)).containsExactly(
                "2:campus=import.error.campus-not-yours",
                "3:owner=lead.import.error.owner-campus",
                "4:owner=lead.import.error.owner",
                "5:source=lead.import.error.source");
        var asAdmin = as("admin", () -> imports.preview(stream(HEADER
                + "Tampines,Elsewhere " + m + ",,\"" + localPhone() + "\",,phone,,,,," + tampinesAdmissions + ",\n")));
        assertThat(asAdmin.clean()).as("an administrator works at every campus").isTrue();
    }

    /**
     * The statements of a preview do not grow with the file (one per look-up, and the known contacts' look-ups once
     * per 5,000 rows); an import's grow by two per 500 rows (the leads, their history), nothing per row.
     */
    @Test
    void a_preview_of_2000_rows_makes_as_many_statements_as_one_of_20_and_its_import_two_more_per_500_rows()
            throws Exception {
        String course = new SchedulingFixtures(context).course().code();
        as(orchardAdmissions, () -> imports.preview(stream(bulk(20, course))));

        var small = count(() -> imports.preview(stream(bulk(20, course))));
        var large = count(() -> imports.preview(stream(bulk(2000, course))));

        assertThat(small.result().clean()).isTrue();
        assertThat(large.result().clean()).isTrue();
        assertThat(large.count()).as(String.join("\n", large.statements())).isEqualTo(small.count());

        var importSmall = count(() -> imports.importLeads(small.result(), null));
        var importLarge = count(() -> imports.importLeads(large.result(), null));

        assertThat(importLarge.result().leads()).isEqualTo(2000);
        assertThat(importLarge.count()).as(String.join("\n", importLarge.statements()))
                .isEqualTo(importSmall.count() + 2 * (2000 / 500 - 1));
        assertThat(importLarge.parameterLookups()).isEqualTo(importSmall.parameterLookups());
    }

    /**
     * Rows with e-mails no one has, half of them pairs of siblings, mixed sources (by short key and name), some
     * with an owner, a course and an inquiry date.
     */
    private String bulk(int rows, String course) {
        String m = marker();
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            int family = i / 2;
            csv.append("Orchard,Child ").append(i).append(' ').append(m).append(",Parent ").append(family)
                    .append(",,p").append(family).append('.').append(m.toLowerCase()).append("@bulk.example,")
                    .append(i % 3 == 0 ? "Website" : "fair").append(",,").append(i % 4 == 0 ? course : "")
                    .append(",,,").append(i % 5 == 0 ? orchardAdmissions : "").append(',')
                    .append(i % 2 == 0 ? TestClock.today().minusDays(i % 300).toString() : "").append('\n');
        }
        return csv.toString();
    }

    private <T> JdbcStatementCounter.Counted<T> count(Supplier<T> work) throws Exception {
        return JdbcStatementCounter.count(() -> as(orchardAdmissions, work));
    }

    private static Lead lead(List<Lead> leads, String child) {
        return leads.stream().filter(l -> l.childName().equals(child)).findFirst().orElseThrow();
    }

    private static List<String> problemsByLine(ImportPreview preview) {
        List<String> lines = new ArrayList<>();
        for (ImportRow row : preview.rows()) {
            lines.add(row.line() + ":" + String.join(",", row.problems().stream()
                    .map(p -> p.column() + "=" + p.messageKey()).toList()));
        }
        return lines;
    }

    private long countWith(String marker) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE child_name LIKE ?", Long.class,
                "%" + marker + "%");
    }

    private long source(String labelKey) {
        return jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = ?", Long.class, labelKey);
    }

    private String admissionsUser(Campus campus) {
        String username = SchedulingFixtures.unique("adm").toLowerCase(java.util.Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campus.id())), "a long enough password"));
        return username;
    }

    private long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String marker() {
        return "Imp" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String localPhone() {
        int number = 90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000);
        return String.valueOf(number).substring(0, 4) + " " + String.valueOf(number).substring(4);
    }
}
