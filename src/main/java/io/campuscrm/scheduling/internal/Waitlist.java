package io.campuscrm.scheduling.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.StudentEnrolled;

/**
 * Places in a class and its waiting list. Callers hold the class's row lock, so counting and then enrolling cannot
 * race another enrollment into the same class.
 */
@Component
public class Waitlist {

    private final ClassEnrollmentRepository enrollments;
    private final RoomRepository rooms;
    private final ClashFinder clashes;
    private final EnrollmentEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Waitlist(ClassEnrollmentRepository enrollments, RoomRepository rooms, ClashFinder clashes,
            EnrollmentEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.enrollments = enrollments;
        this.rooms = rooms;
        this.clashes = clashes;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The most students the class may hold: its capacity, and never more than its room seats. */
    public int places(SchoolClassEntity schoolClass) {
        int room = rooms.findById(schoolClass.getRoomId()).map(RoomEntity::getCapacity).orElse(0);
        return places(schoolClass, room);
    }

    /** {@link #places(SchoolClassEntity)} of many classes, their rooms read in one statement; by class id. */
    public Map<Long, Integer> places(Collection<SchoolClassEntity> classes) {
        Map<Long, Integer> roomSeats = new HashMap<>();
        rooms.findAllById(classes.stream().map(SchoolClassEntity::getRoomId).distinct().toList())
                .forEach(r -> roomSeats.put(r.getId(), r.getCapacity()));
        Map<Long, Integer> places = new HashMap<>();
        classes.forEach(c -> places.put(c.getId(), places(c, roomSeats.getOrDefault(c.getRoomId(), 0))));
        return places;
    }

    private static int places(SchoolClassEntity schoolClass, int roomSeats) {
        return Math.min(schoolClass.getCapacity(), roomSeats);
    }

    public int enrolled(long classId) {
        return (int) enrollments.countByClassIdAndStatus(classId, EnrollmentStatus.ENROLLED);
    }

    /**
     * Fills free places from the waiting list, first come first served. A waiting student whose other classes now
     * clash with this one stays waiting and the next is tried. Each promotion publishes {@link StudentEnrolled}. The
     * caller has locked the waiting students' rows.
     *
     * @return the promoted enrollments
     */
    public List<ClassEnrollmentEntity> promote(SchoolClassEntity schoolClass, LocalDate on) {
        List<ClassEnrollmentEntity> promoted = new ArrayList<>();
        int free = places(schoolClass) - enrolled(schoolClass.getId());
        if (free <= 0) {
            return promoted;
        }
        for (var waiting : enrollments.findByClassIdAndStatusOrderByWaitingPositionAsc(schoolClass.getId(),
                EnrollmentStatus.WAITING)) {
            if (promoted.size() == free) {
                break;
            }
            if (clashes.forStudent(waiting.getStudentId(), schoolClass.getId(), on, clock.instant()).isPresent()) {
                continue;
            }
            waiting.promote(on);
            enrollments.saveAndFlush(waiting);
            events.record(waiting.getId(), waiting.getStudentId(), schoolClass.getId(), EnrollmentEvents.Kind.PROMOTED,
                    on, null);
            publisher.publishEvent(new StudentEnrolled(waiting.getId(), waiting.getStudentId(), schoolClass.getId(),
                    schoolClass.getCourseId(), schoolClass.getCampusId(), on, true));
            promoted.add(waiting);
        }
        return promoted;
    }
}
