package io.campuscrm.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.internal.RoomEntity;
import io.campuscrm.scheduling.internal.RoomRepository;
import io.campuscrm.scheduling.internal.ScheduleRules;
import io.campuscrm.scheduling.internal.SchedulingAccess;
import io.campuscrm.scheduling.internal.SchoolClassRepository;
import io.campuscrm.scheduling.internal.SessionReader;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;

/**
 * Timetables: the sessions of a campus, teacher, room, class or student between two dates, cancelled ones included (shown
 * as such). What the user may see narrows every scope: campus-limited users get their campuses' sessions only, and
 * a teacher only the sessions of classes they teach (or that they teach as a substitute).
 */
@Service
@Transactional(readOnly = true)
public class TimetableService {

    /** A timetable covers at most this many days (a year and a bit: a printed term or school year fits). */
    public static final int MAX_DAYS = 400;

    private final SessionReader reader;
    private final SchedulingAccess access;
    private final ScheduleRules rules;
    private final StudentSearch students;
    private final InstitutionService institution;
    private final UserService users;
    private final RoomRepository rooms;
    private final SchoolClassRepository classes;
    private final Clock clock;

    TimetableService(SessionReader reader, SchedulingAccess access, ScheduleRules rules, StudentSearch students,
            InstitutionService institution, UserService users, RoomRepository rooms, SchoolClassRepository classes,
            Clock clock) {
        this.reader = reader;
        this.access = access;
        this.rules = rules;
        this.students = students;
        this.institution = institution;
        this.users = users;
        this.rooms = rooms;
        this.classes = classes;
        this.clock = clock;
    }

    /**
     * Today's sessions across every campus, today in the institution's time zone: the institution's row read by its
     * key, and one count over the sessions' start index.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public DaySessions today() {
        var zone = rules.zone();
        var today = LocalDate.now(clock.withZone(zone));
        var counts = reader.countBetween(today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
        return new DaySessions(today, counts.getOrDefault(SessionStatus.SCHEDULED, 0L),
                counts.getOrDefault(SessionStatus.CANCELLED, 0L));
    }

    /**
     * Whose timetable this is, as a heading shows it (a campus's, teacher's, room's or student's name, a class's code
     * and name); empty when there is no such campus, teacher, room, class or student, or when it is not the user's to
     * look at: a campus outside their campuses, a room there, a class they may not open, a student they may not see, and
     * for a teacher (without an office role) any other teacher's timetable. {@link #sessionsBetween} narrows the rest.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public Optional<String> subjectName(TimetableScope scope) {
        var seen = access.scope();
        return switch (scope) {
            case TimetableScope.CampusScope c -> seen.seesCampus(c.campusId())
                    ? institution.campuses().stream().filter(campus -> campus.id() == c.campusId())
                            .map(Campus::name).findFirst()
                    : Optional.empty();
            case TimetableScope.TeacherScope t -> seen.ownTeacherId() == null || seen.ownTeacherId() == t.userId()
                    ? Optional.ofNullable(users.displayNames(Set.of(t.userId())).get(t.userId()))
                    : Optional.empty();
            case TimetableScope.RoomScope r -> rooms.findById(r.roomId())
                    .filter(room -> seen.seesCampus(room.getCampusId())).map(RoomEntity::getName);
            case TimetableScope.ClassScope c -> classes.findById(c.classId())
                    .filter(sc -> seen.seesClass(sc.getCampusId(), sc.getTeacherIds()))
                    .map(sc -> sc.getCode() + " — " + sc.toDetails().name());
            case TimetableScope.StudentScope st -> students.reference(st.studentId()).map(StudentRef::displayName);
        };
    }

    /**
     * The sessions in scope whose local date is from {@code from} (inclusive) to {@code toExclusive}, ordered by
     * start time and class code.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public List<ScheduledSession> sessionsBetween(TimetableScope scope, LocalDate from, LocalDate toExclusive) {
        long days = ChronoUnit.DAYS.between(from, toExclusive);
        if (days <= 0 || days > MAX_DAYS) {
            throw new DomainException(null, "timetable.error.range", MAX_DAYS);
        }
        var zone = rules.zone();
        var start = from.atStartOfDay(zone).toInstant();
        var end = toExclusive.atStartOfDay(zone).toInstant();
        String condition;
        Map<String, Object> params;
        switch (scope) {
            case TimetableScope.CampusScope c -> {
                condition = "c.campus_id = :id";
                params = Map.of("id", c.campusId());
            }
            case TimetableScope.RoomScope r -> {
                condition = "s.room_id = :id";
                params = Map.of("id", r.roomId());
            }
            case TimetableScope.ClassScope c -> {
                condition = "s.class_id = :id";
                params = Map.of("id", c.classId());
            }
            case TimetableScope.StudentScope st -> {
                if (students.reference(st.studentId()).isEmpty()) {
                    throw new NotFoundException();
                }
                // Enrolled from enrolled_on; a withdrawal or transfer ends the stay before withdrawn_on.
                condition = """
                        EXISTS (SELECT 1 FROM class_enrollment e
                                WHERE e.student_id = :id AND e.class_id = s.class_id AND e.status <> 'WAITING'
                                  AND e.enrolled_on <= s.session_date
                                  AND (e.withdrawn_on IS NULL OR s.session_date < e.withdrawn_on))
                        """;
                params = Map.of("id", st.studentId());
            }
            case TimetableScope.TeacherScope t -> {
                // The teacher's rows in the same range first: one range scan of (user_id, start_at).
                condition = """
                        s.id IN (SELECT st.session_id FROM session_teacher st
                                 WHERE st.user_id = :id AND st.start_at >= :from AND st.start_at < :to)
                        """;
                params = Map.of("id", t.userId());
            }
        }
        return reader.between(start, end, condition, params, access.scope());
    }
}
