package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.LeadReportStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;

/**
 * The figures of the admissions reports (lead funnel, cost per enrolment, lost reasons, response time, pool
 * activity) and of the funnel's dashboard card. Each is one grouped statement over the leads of the reader's
 * campuses (narrowed to one when {@code campusId} is given: a campus out of reach answers as not found), plus one
 * batch of user names where users are named; periods are the institution's days, both included.
 */
@Service
@Transactional(readOnly = true)
public class LeadReportService {

    /** Cost per enrolment is finance's business too: what the campaigns cost and what they brought. */
    public static final String COST_READERS = "hasAnyRole('ADMIN', 'ADMISSIONS', 'FINANCE')";

    private final LeadReportStore store;
    private final InstitutionService institution;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;

    LeadReportService(LeadReportStore store, InstitutionService institution, UserService users,
            CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.institution = institution;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The funnel of the leads entered in the period, per value of {@code by}; see {@link LeadFunnel}. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public LeadFunnel funnel(LocalDate from, LocalDate to, @Nullable Long campusId, FunnelDimension by) {
        checkPeriod(from, to);
        var campuses = campuses(campusId);
        var rows = store.funnel(start(from), start(to.plusDays(1)), campuses, by);
        Map<Long, String> names = switch (by) {
            case OWNER -> users.displayNames(ids(rows.stream().map(LeadReportStore.FunnelRow::id).toList()));
            case CAMPUS -> campusNames(ids(rows.stream().map(LeadReportStore.FunnelRow::id).toList()));
            case SOURCE, CAMPAIGN -> Map.of();
        };
        List<LeadFunnel.Line> lines = new ArrayList<>();
        var total = new LeadFunnel.Line(null, ReportLabel.key("report.admissions.total"), 0, 0, 0, 0, 0, 0);
        for (var row : rows) {
            var line = new LeadFunnel.Line(row.id(), label(by, row, names), row.leads(), row.contacted(),
                    row.trialBooked(), row.trialAttended(), row.enrolled(), row.lost());
            lines.add(line);
            total = total.plus(line);
        }
        return new LeadFunnel(from, to, by, lines, total);
    }

    /** This month's funnel (from its first day to today) of the user's campuses, for the dashboard. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public LeadFunnel funnelThisMonth() {
        var today = LocalDate.now(clock.withZone(zone()));
        return funnel(today.withDayOfMonth(1), today, null, FunnelDimension.CAMPUS);
    }

    /**
     * The campaigns that ran on a day of the period, with their cost (or share of it, see {@link CampaignCost}),
     * leads and enrolments, oldest first.
     */
    @PreAuthorize(COST_READERS)
    public List<CampaignCost> campaignCosts(LocalDate from, LocalDate to, @Nullable Long campusId) {
        checkPeriod(from, to);
        var campuses = campuses(campusId);
        List<CampaignCost> costs = new ArrayList<>();
        for (var row : store.campaigns(from, to, campuses)) {
            BigDecimal cost = row.cost();
            if (campuses != null) {
                if (row.leads() == 0) {
                    continue; // nothing of it here: no share of its cost
                }
                cost = cost.multiply(BigDecimal.valueOf(row.leads()))
                        .divide(BigDecimal.valueOf(row.allLeads()), 2, RoundingMode.HALF_UP);
            }
            costs.add(new CampaignCost(row.id(), row.name(), row.sourceId(), ReportLabel.of(row.sourceKey(),
                    row.sourceName()), row.startsOn(), row.endsOn(), cost, row.leads(), row.enrolled()));
        }
        return costs;
    }

    /** The leads lost in the period per campus and reason, the most frequent reason of a campus first. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LostReasonCount> lostReasons(LocalDate from, LocalDate to, @Nullable Long campusId) {
        checkPeriod(from, to);
        var rows = store.lostReasons(start(from), start(to.plusDays(1)), campuses(campusId));
        var names = campusNames(rows.stream().map(LeadReportStore.LostRow::campusId).toList());
        // by campus name, each campus's reasons as the statement ordered them (most frequent first)
        return rows.stream().map(r -> new LostReasonCount(r.campusId(), names.getOrDefault(r.campusId(), ""),
                r.reasonId(), ReportLabel.of(r.reasonKey(), r.reasonName()), r.leads()))
                .sorted(Comparator.comparing(LostReasonCount::campusName)).toList();
    }

    /** How quickly the leads entered in the period were first contacted, per owner and in all. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public ResponseTimes responseTimes(LocalDate from, LocalDate to, @Nullable Long campusId) {
        checkPeriod(from, to);
        var rows = store.responseTimes(start(from), start(to.plusDays(1)), campuses(campusId), clock.instant());
        var names = users.displayNames(ids(rows.stream().map(LeadReportStore.ResponseRow::ownerId).toList()));
        List<ResponseTimes.Line> lines = new ArrayList<>();
        long leads = 0;
        long contacted = 0;
        long seconds = 0;
        long inTime = 0;
        long due = 0;
        Double allMedian = null;
        for (var row : rows) {
            lines.add(new ResponseTimes.Line(row.ownerId(), owner(row.ownerId(), names), row.leads(),
                    row.contacted(), seconds(row.median()), average(row.totalSeconds(), row.contacted()),
                    row.inTime(), row.due()));
            leads += row.leads();
            contacted += row.contacted();
            seconds += row.totalSeconds();
            inTime += row.inTime();
            due += row.due();
            allMedian = allMedian != null ? allMedian : row.allMedian();
        }
        return new ResponseTimes(lines, new ResponseTimes.Line(null, ReportLabel.key("report.admissions.total"),
                leads, contacted, seconds(allMedian), average(seconds, contacted), inTime, due));
    }

    /** Who claimed leads from their campus's pool, released leads into it, and whose leads went back to it. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<PoolActivity> poolActivity(LocalDate from, LocalDate to, @Nullable Long campusId) {
        checkPeriod(from, to);
        var rows = store.poolActivity(start(from), start(to.plusDays(1)), campuses(campusId));
        var campusNames = campusNames(rows.stream().map(LeadReportStore.PoolRow::campusId).toList());
        var userNames = users.displayNames(rows.stream().map(LeadReportStore.PoolRow::userId).distinct().toList());
        return rows.stream().map(r -> new PoolActivity(r.campusId(), campusNames.getOrDefault(r.campusId(), ""),
                r.userId(), owner(r.userId(), userNames), r.claimed(), r.released(), r.returned()))
                .sorted(Comparator.comparing(PoolActivity::campusName).thenComparing(a -> a.user().name(),
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** The campuses to count: the one asked for (when the reader may see it), else the reader's; null: all. */
    private @Nullable Set<Long> campuses(@Nullable Long campusId) {
        var scope = currentUser.scope();
        if (campusId != null) {
            if (!scope.seesCampus(campusId)) {
                throw new NotFoundException("campusId");
            }
            return Set.of(campusId);
        }
        return scope.allCampuses() ? null : scope.campusIds();
    }

    private Map<Long, String> campusNames(Collection<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        institution.campusesById(new HashSet<>(ids)).forEach((id, campus) -> names.put(id, campus.name()));
        return names;
    }

    private static ReportLabel label(FunnelDimension by, LeadReportStore.FunnelRow row, Map<Long, String> names) {
        Long id = row.id();
        return switch (by) {
            case SOURCE -> ReportLabel.of(row.labelKey(), row.name() == null ? "#" + id : row.name());
            case CAMPAIGN -> id == null ? ReportLabel.key("report.admissions.no-campaign")
                    : ReportLabel.name(row.name() == null ? "#" + id : row.name());
            case OWNER -> owner(id, names);
            case CAMPUS -> ReportLabel.name(names.getOrDefault(id, "#" + id));
        };
    }

    private static ReportLabel owner(@Nullable Long id, Map<Long, String> names) {
        return id == null ? ReportLabel.key("report.admissions.pool") : ReportLabel.name(names.getOrDefault(id,
                "#" + id));
    }

    private static List<Long> ids(List<@Nullable Long> ids) {
        return ids.stream().filter(Objects::nonNull).map(id -> (long) id).distinct().toList();
    }

    private static @Nullable Duration seconds(@Nullable Double seconds) {
        return seconds == null ? null : Duration.ofSeconds(Math.round(seconds));
    }

    private static @Nullable Duration average(long seconds, long count) {
        return count == 0 ? null : Duration.ofSeconds(Math.round((double) seconds / count));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return institution.settings().timeZone();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new DomainException("to", "report.admissions.error.period");
        }
    }
}
