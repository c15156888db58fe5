package io.campuscrm.scheduling.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.ScheduleClash;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.Role;

/**
 * Rules the class and session services share: loading a class (to read it, or under lock to change it), usable
 * rooms, teachers, times.
 */
@Component
public class ScheduleRules {

    private final SchoolClassRepository classes;
    private final RoomRepository rooms;
    private final SchedulingAccess access;
    private final InstitutionService institution;
    private final UserService users;
    private final ClassEnrollmentRepository enrollments;

    ScheduleRules(SchoolClassRepository classes, RoomRepository rooms, SchedulingAccess access,
            InstitutionService institution, UserService users, ClassEnrollmentRepository enrollments) {
        this.enrollments = enrollments;
        this.classes = classes;
        this.rooms = rooms;
        this.access = access;
        this.institution = institution;
        this.users = users;
    }

    public ZoneId zone() {
        return institution.settings().timeZone();
    }

    /** The class, if the user may see it; one outside their scope answers like a missing one. */
    public SchoolClassEntity visibleClass(long classId) {
        var entity = classes.findById(classId).orElseThrow(() -> new NotFoundException());
        access.requireClass(entity.getCampusId(), entity.getTeacherIds());
        return entity;
    }

    /** The class, locked for the rest of the transaction, if the user may work on it. */
    public SchoolClassEntity lockClass(long classId) {
        var entity = classes.lockById(classId).orElseThrow(() -> new NotFoundException());
        access.requireCampus(entity.getCampusId());
        return entity;
    }

    /** A room of the campus that is active and seats {@code seats} students. */
    public RoomEntity usableRoom(long roomId, long campusId, int seats, String field) {
        var room = rooms.findById(roomId).orElseThrow(() -> new NotFoundException(field));
        if (room.getCampusId() != campusId) {
            throw new DomainException(field, "scheduling.error.room-other-campus", room.getName());
        }
        if (!room.isActive()) {
            throw new DomainException(field, "scheduling.error.room-inactive", room.getName());
        }
        if (room.getCapacity() < seats) {
            throw new DomainException(field, "scheduling.error.room-too-small", room.getName(), room.getCapacity(),
                    seats);
        }
        return room;
    }

    /** How many seats a room must have to hold a session of the class: one per enrolled student. */
    public int seatsNeeded(SchoolClassEntity schoolClass) {
        return (int) enrollments.countByClassIdAndStatus(schoolClass.getId(), EnrollmentStatus.ENROLLED);
    }

    /**
     * The students enrolled in or waiting for the class: the ones whose lock rows a change to the class takes (their
     * other classes must not clash with it, and a waiting one may be promoted).
     */
    public List<Long> studentsOf(long classId) {
        return enrollments.currentStudentIds(classId);
    }

    /** Every id is an enabled user with the TEACHER role (an administrator's check: it reads user accounts). */
    public void requireTeachers(Collection<Long> teacherIds, String field) {
        for (long id : teacherIds) {
            var user = users.get(id);
            if (!user.enabled() || !user.roles().contains(Role.TEACHER)) {
                throw new DomainException(field, "scheduling.error.not-a-teacher", user.displayName());
            }
        }
    }

    /** A session's length: positive and at most {@link Recurrence#MAX_SESSION}. */
    public static void requireLength(Duration length, String field) {
        if (length.isNegative() || length.isZero()) {
            throw new DomainException(field, "scheduling.error.end-before-start");
        }
        if (length.compareTo(Recurrence.MAX_SESSION) > 0) {
            throw new DomainException(field, "scheduling.error.session-too-long", Recurrence.MAX_SESSION.toHours());
        }
    }

    public static void refuse(Optional<ScheduleClash> clash, String field) {
        if (clash.isPresent()) {
            throw clash.get().toException(field);
        }
    }
}
