package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.Campus;
import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.TestClock;

/**
 * The admissions reports on a known data set, entered straight into the tables in February 2021 (long before any
 * other test's or the demo's leads): eight leads of Orchard at every stage — one lost after its trial was booked,
 * one lost unanswered, one enrolled with no history at all (bulk-loaded) — owned by Grace (the demo's admissions
 * user, of Orchard only), a second owner and the pool; a lead merged away; a lead of the month before; a lead and a
 * loss of Tampines, which Grace may not see; a campaign that brought leads to both campuses and one that brought
 * none; pool claims, a release and a return, as the pool feature records them.
 */
@CampusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadReportsIT {

    private static final LocalDate FROM = LocalDate.of(2021, 2, 1);
    private static final LocalDate TO = LocalDate.of(2021, 2, 28);
    private static final Locale CHINESE = Locale.forLanguageTag("zh-SG");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeadReportService reports;
    @Autowired
    ReportService reportService;
    @Autowired
    UserService users;

    Campus orchard;
    Campus tampines;
    long grace;
    long second;
    String secondName;
    long phone;
    long ad;
    long campaignA;
    long campaignB;
    long price;
    long noAnswer;
    long schedule;

    @BeforeAll
    void a_month_of_leads_at_both_campuses() {
        var fixtures = new SchedulingFixtures(context);
        orchard = fixtures.campus("Orchard");
        tampines = fixtures.campus("Tampines");
        grace = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admissions'", Long.class);
        String username = SchedulingFixtures.unique("funnel").toLowerCase(Locale.ROOT);
        secondName = "Second Owner " + username.substring(username.length() - 4);
        second = SystemAuthentication.call(() -> users.create(UserDraft.of(username, secondName,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(orchard.id(), tampines.id())),
                "a long enough password")).id();
        phone = listId("lead_source", "lead.source.phone");
        ad = listId("lead_source", "lead.source.ad");
        price = listId("lead_lost_reason", "lead.lost.price");
        noAnswer = listId("lead_lost_reason", "lead.lost.no-answer");
        schedule = listId("lead_lost_reason", "lead.lost.schedule");
        campaignA = campaign("Funnel A " + username, ad, "2021-01-15", "2021-02-15", "1000.00");
        campaignB = campaign("Funnel B " + username, phone, "2021-02-01", "2021-02-28", "300.00");
        campaign("Funnel C " + username, phone, "2020-01-01", "2020-12-31", "50.00");

        long o = orchard.id();
        long l1 = lead(o, phone, null, grace, "NEW", null, day(3, 9), null);
        long l2 = lead(o, phone, null, grace, "CONTACTED", null, day(3, 10), hours(day(3, 10), 2));
        stages(l2, day(3, 12), "NEW", "CONTACTED");
        long l3 = lead(o, phone, null, grace, "TRIAL_BOOKED", null, day(4, 9), hours(day(4, 9), 30));
        stages(l3, day(5, 15), "NEW", "CONTACTED", "TRIAL_BOOKED");
        long l4 = lead(o, phone, null, grace, "LOST", price, day(5, 9), hours(day(5, 9), 60));
        stages(l4, day(7, 21), "NEW", "CONTACTED", "TRIAL_BOOKED", "LOST");
        long l5 = lead(o, ad, campaignA, grace, "ENROLLED", null, day(6, 9), hours(day(6, 9), 1));
        stages(l5, day(6, 10), "NEW", "CONTACTED", "TRIAL_BOOKED", "TRIAL_ATTENDED", "ENROLLED");
        long l6 = lead(o, ad, campaignA, grace, "TRIAL_ATTENDED", null, day(7, 9), hours(day(7, 9), 10));
        stages(l6, day(7, 19), "NEW", "CONTACTED", "TRIAL_BOOKED", "TRIAL_ATTENDED");
        long l7 = lead(o, phone, null, null, "LOST", noAnswer, day(8, 9), null);
        stages(l7, day(20, 9), "NEW", "LOST");
        long l8 = lead(o, ad, campaignA, second, "ENROLLED", null, day(9, 9), hours(day(9, 9), 5));
        long merged = lead(o, phone, null, grace, "CONTACTED", null, day(10, 9), hours(day(10, 9), 1));
        jdbc.update("UPDATE admission_lead SET merged_into_id = ? WHERE id = ?", l1, merged);
        // the month before: not in the funnel, but the campaign's enrolment and a loss of February
        lead(o, ad, campaignA, grace, "ENROLLED", null, LocalDateTime.of(2021, 1, 20, 9, 0), null);
        long l12 = lead(o, phone, null, grace, "LOST", price, LocalDateTime.of(2021, 1, 25, 9, 0), null);
        stages(l12, LocalDateTime.of(2021, 2, 1, 0, 30), "NEW", "LOST"); // 31 January 16:30 UTC
        long l13 = lead(o, phone, null, grace, "LOST", price, LocalDateTime.of(2021, 1, 26, 9, 0), null);
        stages(l13, LocalDateTime.of(2021, 3, 1, 0, 30), "NEW", "LOST"); // lost in March
        long l10 = lead(tampines.id(), ad, campaignA, second, "ENROLLED", null, day(11, 9), hours(day(11, 9), 3));
        long l14 = lead(tampines.id(), phone, null, second, "LOST", schedule, day(12, 9), null);
        stages(l14, day(12, 11), "NEW", "LOST");

        event(l1, "CLAIMED", null, String.valueOf(grace), day(3, 11), "admissions");
        event(l2, "CLAIMED", null, String.valueOf(grace), day(3, 12), "admissions");
        event(l3, "RELEASED", String.valueOf(grace), null, day(10, 12), "admissions");
        event(l6, "RETURNED", String.valueOf(grace), null, day(25, 2), "system");
        event(l8, "CLAIMED", null, String.valueOf(second), day(9, 12), "second");
        event(l10, "CLAIMED", null, String.valueOf(second), day(11, 12), "second");
        event(l4, "CLAIMED", null, String.valueOf(grace), LocalDateTime.of(2021, 3, 2, 9, 0), "admissions");
    }

    @Test
    @WithUserDetails("admissions")
    void the_funnel_counts_each_stage_a_lead_reached_by_its_stage_or_its_history() {
        var funnel = reports.funnel(FROM, TO, null, FunnelDimension.SOURCE);

        assertThat(funnel.total()).usingRecursiveComparison().ignoringFields("label")
                .isEqualTo(new LeadFunnel.Line(null, ReportLabel.key("x"), 8, 6, 5, 3, 2, 2));
        assertThat(funnel.total().contactedRate()).isEqualByComparingTo("0.750");
        assertThat(funnel.total().trialBookedRate()).isEqualByComparingTo("0.833");
        assertThat(funnel.total().trialAttendedRate()).isEqualByComparingTo("0.600");
        assertThat(funnel.total().enrolledRate()).isEqualByComparingTo("0.667");
        assertThat(funnel.total().overallRate()).isEqualByComparingTo("0.250");
        assertThat(funnel.lines()).extracting(LeadFunnel.Line::id, l -> l.label().key(), LeadFunnel.Line::leads,
                LeadFunnel.Line::contacted, LeadFunnel.Line::trialBooked, LeadFunnel.Line::trialAttended,
                LeadFunnel.Line::enrolled, LeadFunnel.Line::lost).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(phone, "lead.source.phone", 5L, 3L, 2L, 0L, 0L, 2L),
                        org.assertj.core.groups.Tuple.tuple(ad, "lead.source.ad", 3L, 3L, 3L, 3L, 2L, 0L));
    }

    @Test
    @WithUserDetails("admissions")
    void the_funnel_by_owner_names_the_owners_and_the_pool_and_by_campaign_the_leads_without_one() {
        var byOwner = reports.funnel(FROM, TO, null, FunnelDimension.OWNER);
        assertThat(byOwner.lines()).extracting(LeadFunnel.Line::id, l -> l.label().name(), l -> l.label().key(),
                LeadFunnel.Line::leads, LeadFunnel.Line::enrolled).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(grace, "Grace Tan", null, 6L, 1L),
                        org.assertj.core.groups.Tuple.tuple(null, null, "report.admissions.pool", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(second, secondName, null, 1L, 1L));

        var byCampaign = reports.funnel(FROM, TO, null, FunnelDimension.CAMPAIGN);
        assertThat(byCampaign.lines()).extracting(LeadFunnel.Line::id, l -> l.label().key(), LeadFunnel.Line::leads,
                LeadFunnel.Line::trialAttended).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "report.admissions.no-campaign", 5L, 0L),
                        org.assertj.core.groups.Tuple.tuple(campaignA, null, 3L, 3L));
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_sees_both_campuses_and_may_narrow_to_one() {
        var byCampus = reports.funnel(FROM, TO, null, FunnelDimension.CAMPUS);
        assertThat(byCampus.lines()).extracting(l -> l.label().name(), LeadFunnel.Line::leads,
                LeadFunnel.Line::enrolled, LeadFunnel.Line::lost).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Orchard", 8L, 2L, 2L),
                        org.assertj.core.groups.Tuple.tuple("Tampines", 2L, 1L, 1L));
        assertThat(reports.funnel(FROM, TO, tampines.id(), FunnelDimension.SOURCE).total().leads()).isEqualTo(2);
    }

    @Test
    @WithUserDetails("admissions")
    void another_campus_is_not_found_for_an_admissions_user_and_no_choice_in_the_report() {
        assertThatThrownBy(() -> reports.funnel(FROM, TO, tampines.id(), FunnelDimension.SOURCE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reportService.render(request("lead-funnel", ReportFormat.PDF, Locale.ENGLISH)
                .with("campusId", String.valueOf(tampines.id())), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("report.error.parameter-not-a-choice"));
        assertThat(reports.lostReasons(FROM, TO, null)).extracting(LostReasonCount::campusId)
                .containsOnly(orchard.id());
        assertThat(reports.poolActivity(FROM, TO, null)).extracting(PoolActivity::campusId)
                .containsOnly(orchard.id());
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_gets_none_of_the_admissions_reports() {
        assertThat(reportService.availableReports()).extracting(ReportInfo::id).noneMatch(id -> id.startsWith("lead-"));
        assertThatThrownBy(() -> reports.funnel(FROM, TO, null, FunnelDimension.SOURCE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.campaignCosts(FROM, TO, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reportService.render(request("lead-funnel", ReportFormat.PDF, Locale.ENGLISH),
                new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("finance")
    void finance_gets_the_cost_per_enrolment_and_not_the_funnel() {
        assertThat(reportService.availableReports()).extracting(ReportInfo::id).contains("lead-cost-per-enrolment")
                .doesNotContain("lead-funnel", "lead-pool-activity");
        assertThatThrownBy(() -> reports.funnel(FROM, TO, null, FunnelDimension.SOURCE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void the_cost_per_enrolment_is_the_campaigns_whole_cost_over_all_its_enrolments() {
        var costs = reports.campaignCosts(FROM, TO, null).stream()
                .filter(c -> c.id() == campaignA || c.id() == campaignB).toList();
        assertThat(costs).extracting(CampaignCost::id, CampaignCost::cost, CampaignCost::leads,
                CampaignCost::enrolled, CampaignCost::costPerEnrolment).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(campaignA, new BigDecimal("1000.00"), 5L, 4L,
                                new BigDecimal("250.00")),
                        org.assertj.core.groups.Tuple.tuple(campaignB, new BigDecimal("300.00"), 0L, 0L, null));
        assertThat(reports.campaignCosts(FROM, TO, null)).extracting(CampaignCost::name)
                .noneMatch(n -> n.startsWith("Funnel C"));
    }

    @Test
    @WithUserDetails("admissions")
    void for_one_campus_a_campaigns_cost_is_its_share_by_leads() {
        var costs = reports.campaignCosts(FROM, TO, null).stream()
                .filter(c -> c.id() == campaignA || c.id() == campaignB).toList();
        // four of its five leads are Orchard's; the campaign without leads there has no share
        assertThat(costs).extracting(CampaignCost::id, CampaignCost::cost, CampaignCost::leads,
                CampaignCost::enrolled, CampaignCost::costPerEnrolment).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(campaignA, new BigDecimal("800.00"), 4L, 3L,
                                new BigDecimal("266.67")));
    }

    @Test
    @WithUserDetails("admin")
    void the_lost_reasons_count_the_losses_of_the_period_in_the_institutions_days() {
        var lost = reports.lostReasons(FROM, TO, null);
        assertThat(lost).extracting(LostReasonCount::campusName, l -> l.reason().key(), LostReasonCount::leads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Orchard", "lead.lost.price", 2L),
                        org.assertj.core.groups.Tuple.tuple("Orchard", "lead.lost.no-answer", 1L),
                        org.assertj.core.groups.Tuple.tuple("Tampines", "lead.lost.schedule", 1L));
    }

    @Test
    @WithUserDetails("admissions")
    void the_response_time_per_owner_has_median_average_and_the_share_within_48_hours() {
        var times = reports.responseTimes(FROM, TO, null);

        assertThat(times.lines()).extracting(ResponseTimes.Line::ownerId, ResponseTimes.Line::leads,
                ResponseTimes.Line::contacted, ResponseTimes.Line::median, ResponseTimes.Line::average,
                ResponseTimes.Line::inTime, ResponseTimes.Line::due).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(grace, 6L, 5L, Duration.ofHours(10),
                                Duration.ofMinutes(1236), 4L, 6L),
                        org.assertj.core.groups.Tuple.tuple(second, 1L, 1L, Duration.ofHours(5), Duration.ofHours(5),
                                1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(null, 1L, 0L, null, null, 0L, 1L));
        assertThat(times.lines().getFirst().inTimeShare()).isEqualByComparingTo("0.667");
        var total = times.total();
        assertThat(total.leads()).isEqualTo(8);
        assertThat(total.median()).isEqualTo(Duration.ofMinutes(450));
        assertThat(total.average()).isEqualTo(Duration.ofHours(18));
        assertThat(total.inTimeShare()).isEqualByComparingTo("0.625");
    }

    @Test
    @WithUserDetails("admissions")
    void the_pool_activity_names_who_claimed_released_and_lost_leads_to_the_pool() {
        assertThat(reports.poolActivity(FROM, TO, null)).extracting(PoolActivity::userId, PoolActivity::claimed,
                PoolActivity::released, PoolActivity::returned).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(grace, 2L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(second, 1L, 0L, 0L));
    }

    @Test
    @WithUserDetails("admin")
    void each_report_is_one_statement_of_figures_whatever_the_number_of_leads() throws Exception {
        var funnel = JdbcStatementCounter.count(() -> reports.funnel(FROM, TO, null, FunnelDimension.OWNER));
        assertThat(funnel.statements()).as(String.join("\n", funnel.statements()))
                .filteredOn(s -> s.contains("admission_lead")).hasSize(1);
        assertThat(funnel.count()).as(String.join("\n", funnel.statements())).isLessThanOrEqualTo(2);
        var pool = JdbcStatementCounter.count(() -> reports.poolActivity(FROM, TO, null));
        assertThat(pool.statements()).filteredOn(s -> s.contains("lead_event")).hasSize(1);
        assertThat(pool.count()).as(String.join("\n", pool.statements())).isLessThanOrEqualTo(3);
    }

    @Test
    @WithUserDetails("admissions")
    void the_funnel_pdf_has_the_chart_figures_and_the_table_in_english_and_chinese() {
        String en = pdfText(render(request("lead-funnel", ReportFormat.PDF, Locale.ENGLISH).with("by", "source"),
                "lead-funnel.pdf"));
        assertThat(en).contains("Lead funnel", "Your campuses", "The funnel · By Source", "Leads entered 8",
                "Trial booked 5 83.3%", "Enrolled 2 66.7%", "Lost 2 25.0%", "Enrolled, of all leads entered: 25.0%",
                "Phone 5 3 2 0 0 2 60.0% 66.7% 0.0%", "Total 8 6 5 3 2 2 75.0% 83.3% 60.0% 66.7% 25.0%");

        String zh = pdfText(render(request("lead-funnel", ReportFormat.PDF, CHINESE).with("by", "owner"),
                "lead-funnel-zh.pdf"));
        assertThat(zh).contains("线索漏斗", "您的校区", "漏斗 · 按负责人", "录入线索 8", "已约试听 5 83.3%",
                "公海（无负责人） 1 0 0 0 0 1 0.0%", "合计 8 6 5 3 2 2 75.0% 83.3% 60.0% 66.7% 25.0%");
    }

    @Test
    @WithUserDetails("admin")
    void the_funnel_spreadsheet_has_the_counts_and_rates_as_numbers() {
        var rows = rows(render(request("lead-funnel", ReportFormat.XLSX, Locale.ENGLISH).with("by", "campus")
                .with("campusId", String.valueOf(orchard.id())), "lead-funnel.xlsx"));
        assertThat(numbers(rowWith(rows, "Orchard"))).containsExactly(8.0, 6.0, 5.0, 3.0, 2.0, 2.0, 0.75, 0.833,
                0.6, 0.667, 0.25);
    }

    @Test
    @WithUserDetails("admin")
    void the_cost_per_enrolment_prints_money_in_the_readers_locale_in_both_languages() {
        String en = pdfText(render(request("lead-cost-per-enrolment", ReportFormat.PDF, Locale.ENGLISH),
                "lead-cost-per-enrolment.pdf"));
        assertThat(en).contains("Cost per enrolment", "By campaign", "By source (its campaigns)");
        assertThat(en).containsPattern("Funnel A \\S+ Advertising .*?2021 – .*?2021 \\D*1,000\\.00 5 4 \\D*250\\.00");
        String zh = pdfText(render(request("lead-cost-per-enrolment", ReportFormat.PDF, CHINESE),
                "lead-cost-per-enrolment-zh.pdf"));
        assertThat(zh).contains("单个报名成本", "按推广活动", "按来源（其推广活动）", "全部推广活动");

        var rows = rows(render(request("lead-cost-per-enrolment", ReportFormat.XLSX, Locale.ENGLISH),
                "lead-cost-per-enrolment.xlsx"));
        var a = rows.stream().filter(r -> r.stream().anyMatch(c -> c.toString().startsWith("Funnel A"))).findFirst()
                .orElseThrow();
        assertThat(numbers(a)).containsExactly(1000.0, 5.0, 4.0, 250.0);
    }

    @Test
    @WithUserDetails("admin")
    void the_lost_reasons_response_time_and_pool_activity_render_in_both_languages() {
        String lost = pdfText(render(request("lead-lost-reasons", ReportFormat.PDF, Locale.ENGLISH),
                "lead-lost-reasons.pdf"));
        assertThat(lost).contains("Lost reasons", "Orchard Price 2 66.7%", "Orchard All reasons 3 100.0%",
                "Tampines");
        String lostZh = pdfText(render(request("lead-lost-reasons", ReportFormat.PDF, CHINESE)
                .with("campusId", String.valueOf(orchard.id())), "lead-lost-reasons-zh.pdf"));
        assertThat(lostZh).contains("流失原因", "全部原因 3 100.0%").doesNotContain("Tampines");

        String response = pdfText(render(request("lead-response-time", ReportFormat.PDF, Locale.ENGLISH)
                .with("campusId", String.valueOf(orchard.id())), "lead-response-time.pdf"));
        assertThat(response).contains("Response time", "Grace Tan 6 5 10.0 20.6 4 66.7%",
                "The pool (no owner) 1 0 0 0.0%", "Total 8 6 7.5 18.0 5 62.5%");
        assertThat(pdfText(render(request("lead-response-time", ReportFormat.PDF, CHINESE),
                "lead-response-time-zh.pdf"))).contains("响应时间", "中位数（小时）", "公海（无负责人）");

        String pool = pdfText(render(request("lead-pool-activity", ReportFormat.PDF, Locale.ENGLISH),
                "lead-pool-activity.pdf"));
        assertThat(pool).contains("Pool activity", "Orchard Grace Tan 2 1 1", "Orchard All users 3 1 1",
                "Tampines " + secondName + " 1 0 0");
        assertThat(pdfText(render(request("lead-pool-activity", ReportFormat.PDF, CHINESE),
                "lead-pool-activity-zh.pdf"))).contains("公海动态", "自动收回公海", "全部用户 3 1 1");

        for (String id : List.of("lead-lost-reasons", "lead-response-time", "lead-pool-activity")) {
            for (Locale locale : List.of(Locale.ENGLISH, CHINESE)) {
                var sheet = rows(render(request(id, ReportFormat.XLSX, locale), id + "-" + locale + ".xlsx"));
                String expected = id.equals("lead-lost-reasons") ? "Orchard" : "Grace Tan";
                assertThat(sheet).as(id).anySatisfy(r -> assertThat(r).anyMatch(c -> c.toString().equals(
                        expected)));
            }
        }
        var poolSheet = rows(render(request("lead-pool-activity", ReportFormat.XLSX, Locale.ENGLISH),
                "lead-pool-activity.xlsx"));
        assertThat(numbers(rowWith(poolSheet, "Grace Tan"))).containsExactly(2.0, 1.0, 1.0);
    }

    // ------------------------------------------------------------------------------------------------------------

    private ReportRequest request(String id, ReportFormat format, Locale locale) {
        return ReportRequest.of(id, format, locale).with("from", FROM.toString()).with("to", TO.toString());
    }

    private byte[] render(ReportRequest request, String keepAs) {
        var out = new ByteArrayOutputStream();
        reportService.render(request, out);
        try { // kept for a person to look at: target/reports/
            var file = Path.of("target/reports", keepAs);
            Files.createDirectories(file.getParent());
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String pdfText(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<Cell>> rows(byte[] xlsx) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<Cell> cells = new ArrayList<>();
                row.forEach(cells::add);
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Cell> rowWith(List<List<Cell>> rows, String text) {
        return rows.stream().filter(r -> r.stream().anyMatch(c -> c.toString().equals(text))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + rows.stream()
                        .map(r -> r.stream().map(Cell::toString).toList()).toList()));
    }

    private static List<Double> numbers(List<Cell> row) {
        return row.stream().filter(c -> c.getCellType() == CellType.NUMERIC).map(Cell::getNumericCellValue)
                .toList();
    }

    private long listId(String table, String key) {
        return jdbc.queryForObject("SELECT id FROM " + table + " WHERE label_key = ?", Long.class, key);
    }

    private long campaign(String name, long source, String starts, String ends, String cost) {
        return insert("INSERT INTO lead_campaign (name, source_id, starts_on, ends_on, cost, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", name, source, LocalDate.parse(starts), LocalDate.parse(ends),
                new BigDecimal(cost), utc(LocalDateTime.of(2020, 12, 1, 9, 0)));
    }

    private long lead(long campus, long source, @Nullable Long campaign, @Nullable Long owner, String stage,
            @Nullable Long lostReason, LocalDateTime created, @Nullable LocalDateTime firstContact) {
        return insert("INSERT INTO admission_lead (campus_id, child_name, source_id, campaign_id, owner_id, stage,"
                + " lost_reason_id, created_at, updated_at, first_contact_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                campus, SchedulingFixtures.unique("Funnel child"), source, campaign, owner, stage, lostReason,
                utc(created), utc(created), firstContact == null ? null : utc(firstContact));
    }

    /** The lead's history moving through these stages, one line per move, a minute apart from {@code at}. */
    private void stages(long lead, LocalDateTime at, String... stages) {
        for (int i = 1; i < stages.length; i++) {
            event(lead, "STAGE", stages[i - 1], stages[i], at.plusMinutes(i - 1), "admissions");
        }
    }

    private void event(long lead, String kind, @Nullable String before, @Nullable String after, LocalDateTime at,
            String actor) {
        jdbc.update("INSERT INTO lead_event (lead_id, kind, before_value, after_value, occurred_at, actor)"
                + " VALUES (?, ?, ?, ?, ?, ?)", lead, kind, before, after, utc(at), actor);
    }

    private long insert(String sql, @Nullable Object... values) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    /** A day of February 2021 at an hour, Singapore time. */
    private static LocalDateTime day(int day, int hour) {
        return LocalDateTime.of(2021, 2, day, hour, 0);
    }

    private static LocalDateTime hours(LocalDateTime from, int hours) {
        return from.plusHours(hours);
    }

    /** Singapore wall-clock time as the schema stores it: UTC. */
    private static LocalDateTime utc(LocalDateTime singapore) {
        return singapore.atZone(TestClock.ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
