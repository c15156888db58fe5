package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.internal.SheetStore;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.AccessScope;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Teaching hours for payroll (课时费): who taught in a period, then one teacher at a time what they taught, so that a
 * year of a large school is read teacher by teacher and never held at once. Finance and administrators read their
 * campuses' sessions; a teacher (without an office role) only their own hours, another teacher answering as not
 * found. A period is at most {@value TimetableService#MAX_DAYS} days, as for timetables.
 */
@Service
@Transactional(readOnly = true)
public class TeachingHoursReports {

    static final String READERS = "hasAnyRole('ADMIN', 'FINANCE', 'TEACHER')";
    /** Sheets are read for this many sessions at a time. */
    private static final int BATCH = 1000;

    private final TimetableService timetables;
    private final SheetStore sheets;
    private final UserService users;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    TeachingHoursReports(TimetableService timetables, SheetStore sheets, UserService users,
            InstitutionService institution, CurrentUser currentUser, Clock clock) {
        this.timetables = timetables;
        this.sheets = sheets;
        this.users = users;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The teachers with sessions (cancelled ones included) in the period, at the campus or at every campus the reader
     * sees, by id. Read a month and a campus at a time, keeping only the teachers.
     */
    @PreAuthorize(READERS)
    public List<Long> teachers(LocalDate from, LocalDate to, @Nullable Long campusId) {
        checkPeriod(from, to);
        var scope = currentUser.scope();
        var campuses = campuses(scope, campusId);
        if (scope.teacherOnly()) {
            return List.of(scope.ownClassesOf());
        }
        Set<Long> teachers = new TreeSet<>();
        LocalDate end;
        for (LocalDate start = from; !start.isAfter(to); start = end) {
            end = start.plusMonths(1).isAfter(to) ? to.plusDays(1) : start.plusMonths(1);
            for (long campus : campuses) {
                timetables.sessionsBetween(TimetableScope.campus(campus), start, end)
                        .forEach(s -> teachers.addAll(s.teacherIds()));
            }
        }
        return List.copyOf(teachers);
    }

    /** A teacher's sessions in the period (at the campus, when one is given), each with how it counts. */
    @PreAuthorize(READERS)
    public TeachingHours hours(long teacherId, LocalDate from, LocalDate to, @Nullable Long campusId) {
        checkPeriod(from, to);
        var scope = currentUser.scope();
        campuses(scope, campusId);
        String name = users.displayNames(List.of(teacherId)).get(teacherId);
        if (name == null || (scope.teacherOnly() && scope.ownClassesOf() != teacherId)) {
            throw new NotFoundException("teacherId");
        }
        var sessions = timetables.sessionsBetween(TimetableScope.teacher(teacherId), from, to.plusDays(1)).stream()
                .filter(s -> campusId == null || s.campusId() == campusId).toList();
        Map<Long, SheetStore.Sheet> taken = new HashMap<>();
        for (int i = 0; i < sessions.size(); i += BATCH) {
            taken.putAll(sheets.findAll(sessions.subList(i, Math.min(sessions.size(), i + BATCH)).stream()
                    .map(ScheduledSession::sessionId).toList()));
        }
        ZoneId zone = institution.settings().timeZone();
        Instant now = clock.instant();
        List<TeachingHours.TaughtSession> rows = new ArrayList<>(sessions.size());
        for (var s : sessions) {
            rows.add(new TeachingHours.TaughtSession(s.sessionId(), s.classId(), s.classCode(), s.className(),
                    s.courseName(), s.campusId(), s.startsLocal(), s.endsLocal(), hours(s),
                    state(s, taken.get(s.sessionId()), zone, now)));
        }
        return new TeachingHours(teacherId, name, from, to, rows);
    }

    /**
     * How a session counts: cancelled, not over and not taken yet, over and never taken, taken after its day (in the
     * institution's zone), taken for some seats only, or taught.
     */
    static TeachingHours.State state(ScheduledSession session, SheetStore.@Nullable Sheet sheet, ZoneId zone,
            Instant now) {
        if (session.cancelled()) {
            return TeachingHours.State.CANCELLED;
        }
        if (sheet == null) {
            return session.endAt().isAfter(now) ? TeachingHours.State.UPCOMING : TeachingHours.State.NOT_TAKEN;
        }
        if (!sheet.firstTakenAt().isBefore(session.date().plusDays(1).atStartOfDay(zone).toInstant())) {
            return TeachingHours.State.TAKEN_LATE;
        }
        return sheet.marked() < sheet.seats() ? TeachingHours.State.PARTLY_TAKEN : TeachingHours.State.TAUGHT;
    }

    private static BigDecimal hours(ScheduledSession s) {
        long minutes = Duration.between(s.startAt(), s.endAt()).toMinutes();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** The campuses to read: the one asked for when the reader sees it (else not found), or all they see. */
    private List<Long> campuses(AccessScope scope, @Nullable Long campusId) {
        if (campusId != null) {
            boolean known = institution.campusesById(List.of(campusId)).containsKey(campusId);
            if (!known || (!scope.teacherOnly() && !scope.seesCampus(campusId))) {
                throw new NotFoundException("campusId");
            }
            return List.of(campusId);
        }
        return institution.campuses().stream().map(Campus::id).filter(scope::seesCampus).toList();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        AttendanceReports.checkPeriod(from, to);
        if (ChronoUnit.DAYS.between(from, to) + 1 > TimetableService.MAX_DAYS) {
            throw new DomainException("to", "timetable.error.range", TimetableService.MAX_DAYS);
        }
    }
}
