package io.campuscrm.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.attendance.internal.CampusReach;
import io.campuscrm.attendance.internal.ConsumptionLedger;
import io.campuscrm.attendance.internal.RenewalLedger;
import io.campuscrm.attendance.internal.RenewalRule;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;

/**
 * What the money reports read of lesson packages: consumption and what is left (课消 / 余费) per course and campus, and
 * renewal rates (续费率). Finance and administrators, each over the campuses they work at (every campus: students
 * without a campus too); a campus out of reach answers as not found. Dates are the institution's.
 */
@Service
@Transactional(readOnly = true)
public class PackageReports {

    static final String READERS = "hasAnyRole('ADMIN', 'FINANCE')";

    private final ConsumptionLedger consumption;
    private final RenewalLedger renewals;
    private final ClassSearch classes;
    private final InstitutionService institution;
    private final Settings settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    PackageReports(ConsumptionLedger consumption, RenewalLedger renewals, ClassSearch classes,
            InstitutionService institution, Settings settings, CurrentUser currentUser, Clock clock) {
        this.consumption = consumption;
        this.renewals = renewals;
        this.classes = classes;
        this.institution = institution;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Consumption from {@code from} to {@code to} (inclusive) and the balances at the end of {@code to}, per course,
     * campus and unit, as booked: see {@link ConsumptionLine}.
     */
    @PreAuthorize(READERS)
    public List<ConsumptionLine> consumption(LocalDate from, LocalDate to, @Nullable Long campusId) {
        AttendanceReports.checkPeriod(from, to);
        var zone = institution.settings().timeZone();
        return consumption.lines(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                reach(campusId));
    }

    /**
     * Run-outs from {@code from} to {@code to} (inclusive) of packages of the reader's campuses, and renewals within
     * the {@code attendance.renewal-days} setting; see {@link RenewalRates}.
     */
    @PreAuthorize(READERS)
    public RenewalRates renewals(LocalDate from, LocalDate to, @Nullable Long campusId) {
        AttendanceReports.checkPeriod(from, to);
        var reach = reach(campusId);
        int window = settings.get(AttendanceSettings.RENEWAL_DAYS);
        var zone = institution.settings().timeZone();
        var today = LocalDate.now(clock.withZone(zone));
        Map<Long, Tally> byCourse = new TreeMap<>();
        Map<Long, Tally> byClass = new HashMap<>();
        Tally noClass = new Tally();
        Tally total = new Tally();
        renewals.forEachPair(from, to, zone, pair -> {
            for (var r : RenewalRule.ranOut(pair, from, to, today, window)) {
                if (!reach.contains(r.pkg().campusId())) {
                    continue;
                }
                total.add(r);
                byCourse.computeIfAbsent(r.pkg().courseId(), k -> new Tally()).add(r);
                var classId = r.pkg().lastClassId();
                (classId == null ? noClass : byClass.computeIfAbsent(classId, k -> new Tally())).add(r);
            }
        });
        // A run-out counts for each teacher of the class; one whose class the reader may not see, for nobody known.
        var labels = classes.labels(byClass.keySet());
        Map<Long, Tally> byTeacher = new TreeMap<>();
        byClass.forEach((classId, tally) -> {
            var label = labels.get(classId);
            if (label == null || label.teacherIds().isEmpty()) {
                noClass.add(tally);
            } else {
                label.teacherIds().forEach(t -> byTeacher.computeIfAbsent(t, k -> new Tally()).add(tally));
            }
        });
        List<RenewalRates.Line> teacherLines = new ArrayList<>();
        byTeacher.forEach((id, tally) -> teacherLines.add(tally.line(id)));
        if (noClass.ranOut > 0) {
            teacherLines.add(noClass.line(null));
        }
        return new RenewalRates(from, to, window, byCourse.entrySet().stream()
                .map(e -> e.getValue().line(e.getKey())).toList(), teacherLines, total.line(null));
    }

    private CampusReach reach(@Nullable Long campusId) {
        var scope = currentUser.scope();
        if (campusId != null) {
            if (!institution.campusesById(List.of(campusId)).containsKey(campusId) || !scope.seesCampus(campusId)) {
                throw new NotFoundException("campusId");
            }
            return CampusReach.only(Set.of(campusId));
        }
        if (scope.teacherOnly()) {
            return CampusReach.only(Set.of());
        }
        return scope.allCampuses() ? CampusReach.everywhere() : CampusReach.only(scope.campusIds());
    }

    private static final class Tally {
        int ranOut;
        int renewed;
        int windowOpen;

        void add(RenewalRule.RanOut r) {
            ranOut++;
            renewed += r.renewed() ? 1 : 0;
            windowOpen += r.windowOpen() ? 1 : 0;
        }

        void add(Tally other) {
            ranOut += other.ranOut;
            renewed += other.renewed;
            windowOpen += other.windowOpen;
        }

        RenewalRates.Line line(@Nullable Long id) {
            return new RenewalRates.Line(id, ranOut, renewed, windowOpen);
        }
    }
}
