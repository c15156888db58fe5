package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Explain;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * The pipeline at the service layer: a campus's board costs one grouped count and one page per column however many
 * leads there are; the list sorts and filters in the database; bulk actions change every selected lead or none; the
 * export has every lead of the filter; admissions users reach only their campuses' leads. Each test's leads share a
 * campaign of their own, so that the filter on it sees only them.
 */
@CampusIntegrationTest
class LeadPipelineIT {

    private static final Random RANDOM = new Random();

    @Autowired
    java.time.Clock clock;
    @Autowired
    ApplicationContext context;
    @Autowired
    LeadService leads;
    @Autowired
    LeadExportService export;
    @Autowired
    LeadStore store;
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
    private long phoneSource;
    private long campaign;

    @BeforeEach
    void campusesPeopleAndACampaign() {
        var scheduling = new SchedulingFixtures(context);
        orchard = scheduling.campus("Orchard");
        tampines = scheduling.campus("Tampines");
        orchardAdmissions = admissionsUser(orchard);
        tampinesAdmissions = admissionsUser(tampines);
        phoneSource = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.phone'",
                Long.class);
        jdbc.update("INSERT INTO lead_campaign (name, source_id, starts_on, ends_on, cost, created_at)"
                + " VALUES (?, ?, '2029-01-01', '2029-12-31', 100, NOW())", SchedulingFixtures.unique("Campaign"),
                phoneSource);
        campaign = jdbc.queryForObject("SELECT MAX(id) FROM lead_campaign", Long.class);
    }

    @Test
    void opening_a_board_costs_one_grouped_count_and_one_page_per_column_whatever_the_number_of_leads() {
        long owner = userId(orchardAdmissions);
        insert(orchard, 60, owner);
        var filter = campaignFilter(orchard);

        var small = as(orchardAdmissions, () -> counted(() -> openBoard(filter)));
        assertThat(small.result()).as("per stage: its count, and the size of its first page")
                .allSatisfy((stage, sizes) -> assertThat(sizes).containsExactly(60L, (long) LeadService.BOARD_PAGE));
        assertThat(small.count()).as("one count, and per column a page of cards and its owners' names: "
                + small.statements()).isLessThanOrEqualTo(1 + 2 * LeadStage.values().length);

        insert(orchard, 40, owner);
        var large = as(orchardAdmissions, () -> counted(() -> openBoard(filter)));
        assertThat(large.result()).allSatisfy((stage, sizes) -> assertThat(sizes)
                .containsExactly(100L, (long) LeadService.BOARD_PAGE));
        assertThat(large.count()).as("as many statements with more leads").isEqualTo(small.count());

        assertThat(as(orchardAdmissions, () -> leads.cards(filter, LeadStage.NEW, 0, 1000)))
                .as("never more than a page, whatever is asked").hasSize(LeadService.BOARD_PAGE);
        assertThat(as(orchardAdmissions, () -> leads.cards(filter, LeadStage.NEW, 50, 50)))
                .as("the second page").hasSize(50);
        assertThat(as(orchardAdmissions, () -> leads.cards(filter, LeadStage.NEW, 100, 50)))
                .as("past the end").isEmpty();
    }

    @Test
    void the_board_reads_a_column_in_index_order_without_sorting_and_counts_from_the_index_alone() {
        var steps = Explain.of(jdbc, """
                SELECT id, (SELECT s.label_key FROM lead_source s WHERE s.id = source_id) AS source_key
                FROM admission_lead WHERE merged_into_id IS NULL AND campus_id = ? AND stage = ?
                ORDER BY next_action_on, id LIMIT 50""", orchard.id(), "NEW");
        assertThat(steps.getFirst().table()).isEqualTo("admission_lead");
        assertThat(steps.getFirst().key()).as("an index that starts with the campus and the stage")
                .isIn("ix_lead_board", "ix_lead_campus_stage");
        assertThat(steps).noneMatch(Explain.Step::sorts);
        var counts = Explain.of(jdbc, "SELECT stage, COUNT(*) FROM admission_lead WHERE merged_into_id IS NULL"
                + " AND campus_id = ? GROUP BY stage", orchard.id());
        assertThat(counts.getFirst().key()).isEqualTo("ix_lead_board");
        assertThat(counts.getFirst().extra()).as("the index alone").contains("Using index");
    }

    @Test
    void a_card_carries_its_owner_s_name_its_source_and_whether_its_next_action_is_overdue() {
        var lead = newLead("Card");
        var called = as(orchardAdmissions, () -> leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(
                FollowUpKind.CALL, "Call again", NextAction.CALL, TestClock.today(), null)));
        jdbc.update("UPDATE admission_lead SET next_action_on = ? WHERE id = ?", TestClock.today().minusDays(2),
                lead.id());

        var card = as(orchardAdmissions, () -> leads.cards(campaignFilter(orchard), LeadStage.CONTACTED, 0,
                50)).getFirst();

        assertThat(card.id()).isEqualTo(lead.id());
        assertThat(card.version()).isEqualTo(called.version());
        assertThat(card.ownerName()).isEqualTo("Admissions " + orchardAdmissions);
        assertThat(card.source().labelKey()).isEqualTo("lead.source.phone");
        assertThat(card.nextAction()).isEqualTo(NextAction.CALL);
        assertThat(card.overdue()).isTrue();
        assertThat(as(orchardAdmissions, () -> leads.stageCounts(campaignFilter(orchard).withStage(LeadStage.NEW))))
                .as("the filter's stage is not the board's").containsEntry(LeadStage.CONTACTED, 1L)
                .containsEntry(LeadStage.NEW, 0L).hasSize(LeadStage.values().length);
    }

    @Test
    void the_list_sorts_by_name_next_action_stage_and_entry_and_filters_by_campaign_course_and_dates() {
        long course = new SchedulingFixtures(context).course().id();
        var today = TestClock.today();
        var zone = TestClock.ZONE;
        long bee = insertOne(orchard, "Bee", today.minusDays(10).atStartOfDay(zone).toInstant(), course);
        long ann = insertOne(orchard, "Ann", today.minusDays(5).atStartOfDay(zone).plusHours(23).toInstant(), null);
        long cat = insertOne(orchard, "Cat", today.atStartOfDay(zone).toInstant(), null);
        jdbc.update("UPDATE admission_lead SET next_action_on = ?, stage = 'TRIAL_BOOKED' WHERE id = ?",
                today.plusDays(3), bee);
        jdbc.update("UPDATE admission_lead SET next_action_on = ?, stage = 'CONTACTED' WHERE id = ?",
                today.plusDays(1), cat);
        var all = campaignFilter(null);

        assertThat(list(all, Sort.unsorted())).as("newest first").containsExactly(cat, ann, bee);
        assertThat(list(all, Sort.by("childName"))).containsExactly(ann, bee, cat);
        assertThat(list(all, Sort.by(Sort.Order.desc("childName")))).containsExactly(cat, bee, ann);
        assertThat(list(all, Sort.by("nextActionOn"))).as("none first").containsExactly(ann, cat, bee);
        assertThat(list(all, Sort.by("stage"))).as("in the pipeline's order").containsExactly(ann, cat, bee);
        assertThat(list(all, Sort.by("createdAt"))).containsExactly(bee, ann, cat);
        assertThat(list(new LeadService.LeadFilter(null, null, null, false, false, false, null, null, campaign,
                course, null, null, null, null), Sort.unsorted())).containsExactly(bee);
        assertThat(list(dates(today.minusDays(5), today.minusDays(5), null, null), Sort.unsorted()))
                .as("a day in the institution's zone, to its last hour").containsExactly(ann);
        assertThat(list(dates(today.minusDays(9), null, null, null), Sort.unsorted())).containsExactly(cat, ann);
        assertThat(list(dates(null, null, today.plusDays(1), today.plusDays(2)), Sort.unsorted()))
                .containsExactly(cat);
        assertThatThrownBy(() -> list(all, Sort.by("phone"))).as("only the whitelisted properties")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bulk_assign_and_release_change_every_selected_lead_with_its_history_or_none_when_one_is_stale() {
        var first = newLead("Bulk");
        var second = newLead("Bulk");
        var third = newLead("Bulk");
        String colleague = admissionsUser(orchard);
        var stale = as(orchardAdmissions, () -> leads.changeStage(third.id(), third.version(), LeadStage.CONTACTED,
                null));

        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkAssign(List.of(LeadRef.of(first),
                LeadRef.of(second), LeadRef.of(third)), userId(colleague)))).isInstanceOf(StaleEditException.class);
        assertThat(ownerOf(first.id())).as("nothing changed").isEqualTo(userId(orchardAdmissions));
        assertThat(ownerOf(second.id())).isEqualTo(userId(orchardAdmissions));

        int changed = as(orchardAdmissions, () -> leads.bulkAssign(List.of(LeadRef.of(first), LeadRef.of(second),
                LeadRef.of(stale)), userId(colleague)));
        assertThat(changed).isEqualTo(3);
        assertThat(List.of(first, second, third)).allSatisfy(l -> assertThat(ownerOf(l.id()))
                .isEqualTo(userId(colleague)));
        assertThat(as(orchardAdmissions, () -> leads.history(first.id()))).extracting(LeadEvent::kind)
                .containsExactly("OWNER", "CREATED");

        var firstNow = as(orchardAdmissions, () -> leads.get(first.id()));
        var secondNow = as(orchardAdmissions, () -> leads.get(second.id()));
        // a colleague's leads are the colleague's: they release them, not whoever gave them
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkAssign(List.of(LeadRef.of(firstNow),
                LeadRef.of(secondNow)), null))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.pool.error.colleagues"));
        assertThat(as(colleague, () -> leads.bulkAssign(List.of(LeadRef.of(firstNow), LeadRef.of(secondNow)),
                null))).isEqualTo(2);
        assertThat(as(orchardAdmissions, () -> leads.history(second.id()))).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("RELEASED");
            assertThat(e.before()).isEqualTo(String.valueOf(userId(colleague)));
            assertThat(e.after()).isNull();
            assertThat(e.actor()).isEqualTo(colleague);
        });
        assertThat(ownerOf(first.id())).isNull();
        long teacher = new SchedulingFixtures(context).teacher("Teacher Ng", orchard);
        var pooled = as(orchardAdmissions, () -> leads.get(first.id()));
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkAssign(List.of(LeadRef.of(pooled)), teacher)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("ownerId"));
    }

    @Test
    void bulk_mark_lost_needs_a_reason_closes_every_lead_and_an_enrolled_one_refuses_the_whole_action() {
        var first = newLead("Lost");
        var second = newLead("Lost");
        var enrolled = newLead("Lost");
        jdbc.update("UPDATE admission_lead SET stage = 'ENROLLED' WHERE id = ?", enrolled.id());
        var enrolledNow = as(orchardAdmissions, () -> leads.get(enrolled.id()));
        var selection = List.of(LeadRef.of(first), LeadRef.of(second), LeadRef.of(enrolledNow));

        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkMarkLost(List.of(LeadRef.of(first)), null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("lostReasonId"));
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkMarkLost(selection, lostReason())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lead.bulk.error.enrolled");
                    assertThat(e.arguments()).containsExactly(enrolled.childName());
                });
        assertThat(as(orchardAdmissions, () -> leads.get(first.id())).stage()).as("nothing changed")
                .isEqualTo(LeadStage.NEW);

        assertThat(as(orchardAdmissions, () -> leads.bulkMarkLost(selection.subList(0, 2), lostReason())))
                .isEqualTo(2);
        var lost = as(orchardAdmissions, () -> leads.get(second.id()));
        assertThat(lost.stage()).isEqualTo(LeadStage.LOST);
        assertThat(lost.lostReasonId()).isEqualTo(lostReason());
        assertThat(lost.version()).isEqualTo(second.version() + 1);
        assertThat(as(orchardAdmissions, () -> leads.history(second.id()))).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("STAGE");
            assertThat(e.before()).isEqualTo("NEW");
            assertThat(e.after()).isEqualTo("LOST");
        });
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkMarkLost(selection.subList(0, 1),
                lostReason()))).as("an old version").isInstanceOf(StaleEditException.class);
    }

    @Test
    void an_admissions_user_of_one_campus_neither_sees_nor_bulk_changes_another_campus_s_leads() {
        var mine = newLead("Reach");
        var theirs = as(tampinesAdmissions, () -> leads.create(new LeadDraft(tampines.id(), "Reach Tampines", null,
                localPhone(), null, null, null, null, phoneSource, campaign, null, null), true));

        assertThat(as(orchardAdmissions, () -> leads.stageCounts(campaignFilter(tampines))))
                .allSatisfy((stage, count) -> assertThat(count).isZero());
        assertThat(as(orchardAdmissions, () -> leads.cards(campaignFilter(tampines), LeadStage.NEW, 0,
                50))).isEmpty();
        assertThat(list(campaignFilter(null), Sort.unsorted())).containsExactly(mine.id());
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkAssign(List.of(LeadRef.of(mine),
                LeadRef.of(theirs)), null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(orchardAdmissions, () -> leads.bulkMarkLost(List.of(LeadRef.of(theirs)),
                lostReason()))).isInstanceOf(NotFoundException.class);
        assertThat(ownerOf(mine.id())).as("nothing changed").isEqualTo(userId(orchardAdmissions));
        assertThat(as(tampinesAdmissions, () -> leads.get(theirs.id())).stage()).isEqualTo(LeadStage.NEW);
        var out = new ByteArrayOutputStream();
        assertThat(as(orchardAdmissions, () -> export.exportCsv(campaignFilter(null), Sort.unsorted(),
                Locale.ENGLISH, out))).as("the export is the list's").isEqualTo(1);
    }

    @Test
    void the_export_has_every_lead_of_the_filter_in_the_list_s_order_as_a_real_csv_and_a_real_xlsx()
            throws Exception {
        var today = TestClock.today();
        long bee = insertOne(orchard, "Bee", today.minusDays(3).atStartOfDay(TestClock.ZONE).toInstant(), null);
        long ann = insertOne(orchard, "Ann", today.minusDays(2).atStartOfDay(TestClock.ZONE).toInstant(), null);
        jdbc.update("UPDATE admission_lead SET next_action = 'TRIAL', next_action_on = ? WHERE id = ?",
                today.plusDays(4), ann);
        var filter = campaignFilter(null);

        var csvOut = new ByteArrayOutputStream();
        int count = as(orchardAdmissions, () -> export.exportCsv(filter, Sort.by("childName"), Locale.ENGLISH,
                csvOut));
        String csv = csvOut.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        var records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(count).isEqualTo(2);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get(0)).isEqualTo("Child");
        assertThat(records.subList(1, 3)).extracting(r -> r.get(0)).containsExactly(name(ann), name(bee));
        assertThat(records.get(1).get(4)).isEqualTo("Orchard");
        assertThat(records.get(1).get(5)).isEqualTo("New");
        assertThat(records.get(1).get(6)).isEqualTo("Phone");
        assertThat(records.get(1).get(8)).isEqualTo("Admissions " + orchardAdmissions);
        assertThat(records.get(1).get(9)).isEqualTo("Trial lesson");
        assertThat(records.get(1).get(10)).as("a date as the reader writes it").isEqualTo(
                java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(Locale.ENGLISH).format(today.plusDays(4)));

        var xlsxOut = new ByteArrayOutputStream();
        as(orchardAdmissions, () -> export.exportXlsx(filter, Sort.by(Sort.Order.desc("childName")),
                Locale.SIMPLIFIED_CHINESE, xlsxOut));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxOut.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("线索");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学员");
            List<String> exported = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                exported.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(exported).containsExactly(name(bee), name(ann));
            var created = sheet.getRow(1).getCell(11);
            assertThat(DateUtil.isCellDateFormatted(created)).isTrue();
            assertThat(created.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today.minusDays(3));
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("新线索");
        }
    }

    /** The board as it opens: the counts, then the first page of each column; per stage its count and page size. */
    private Map<LeadStage, List<Long>> openBoard(LeadService.LeadFilter filter) {
        var counts = leads.stageCounts(filter);
        Map<LeadStage, List<Long>> sizes = new java.util.EnumMap<>(LeadStage.class);
        for (LeadStage stage : LeadStage.values()) {
            sizes.put(stage, List.of(counts.get(stage), (long) leads.cards(filter, stage, 0,
                    LeadService.BOARD_PAGE).size()));
        }
        return sizes;
    }

    private static <T> JdbcStatementCounter.Counted<T> counted(Supplier<T> work) {
        try {
            return JdbcStatementCounter.count(work::get);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code perStage} leads of the campaign in every stage, the lost with a reason, some owned, some in the pool. */
    private void insert(Campus campus, int perStage, long ownerId) {
        var now = clock.instant();
        for (LeadStage stage : LeadStage.values()) {
            for (int i = 0; i < perStage; i++) {
                long id = store.insert(new LeadStore.NewLead(campus.id(), "Board " + stage + " " + i, "Parent", null,
                        null, null, null, null, phoneSource, campaign, null, i % 3 == 0 ? null : ownerId, null,
                        null, null, io.campuscrm.admissions.LeadChannel.STAFF, null, null), now, "test");
                if (stage != LeadStage.NEW) {
                    jdbc.update("UPDATE admission_lead SET stage = ?, lost_reason_id = ? WHERE id = ?", stage.name(),
                            stage == LeadStage.LOST ? lostReason() : null, id);
                }
            }
        }
    }

    private long insertOne(Campus campus, String child, Instant created, Long courseId) {
        return store.insert(new LeadStore.NewLead(campus.id(), child + " " + campaign, null, null, null, courseId,
                null, null, phoneSource, campaign, null, userId(orchardAdmissions), null, null, null,
                io.campuscrm.admissions.LeadChannel.STAFF, null, null), created, "test");
    }

    private String name(long leadId) {
        return jdbc.queryForObject("SELECT child_name FROM admission_lead WHERE id = ?", String.class, leadId);
    }

    private List<Long> list(LeadService.LeadFilter filter, Sort sort) {
        return as(orchardAdmissions, () -> leads.find(filter, PageRequest.of(0, 20, sort))).map(Lead::id)
                .getContent();
    }

    private LeadService.LeadFilter campaignFilter(Campus campus) {
        return new LeadService.LeadFilter(campus == null ? null : campus.id(), null, null, false, false, false, null,
                null, campaign, null, null, null, null, null);
    }

    private LeadService.LeadFilter dates(LocalDate createdFrom, LocalDate createdTo, LocalDate nextFrom,
            LocalDate nextTo) {
        return new LeadService.LeadFilter(null, null, null, false, false, false, null, null, campaign, null,
                createdFrom, createdTo, nextFrom, nextTo);
    }

    private Lead newLead(String prefix) {
        return as(orchardAdmissions, () -> leads.create(new LeadDraft(orchard.id(), prefix + " " + RANDOM.nextInt(
                99999), "Parent", localPhone(), null, null, null, null, phoneSource, campaign, null, null), true));
    }

    private Long ownerOf(long leadId) {
        return jdbc.queryForObject("SELECT owner_id FROM admission_lead WHERE id = ?", Long.class, leadId);
    }

    private long lostReason() {
        return jdbc.queryForObject("SELECT id FROM lead_lost_reason WHERE label_key = 'lead.lost.price'", Long.class);
    }

    private static String localPhone() {
        int number = 10_000_000 * 9 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000);
        return String.valueOf(number);
    }

    private String admissionsUser(Campus campus) {
        String username = SchedulingFixtures.unique("adm").toLowerCase(Locale.ROOT);
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
}
