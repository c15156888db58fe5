package io.campuscrm.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.Room;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentStatus;

/**
 * Active students enrolled in the demo classes of their campus: most classes well filled, every seventh full with two
 * students waiting; a student never gets two classes at the same time. Then some history: a withdrawal that promotes
 * the first waiting student, and a transfer (转班) to another class of the same course.
 */
@Component
class EnrollmentDemoData implements DemoDataStep {

    private final EnrollmentService enrollments;
    private final StudentSearch students;

    EnrollmentDemoData(EnrollmentService enrollments, StudentSearch students) {
        this.enrollments = enrollments;
        this.students = students;
    }

    @Override
    public int order() {
        return 50;
    }

    /** When a student is busy: a weekday and a time range. */
    private record Busy(DayOfWeek day, LocalTime start, LocalTime end) {
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        if (context.classes().isEmpty() || context.studentIds().isEmpty()) {
            return;
        }
        Map<Long, StudentRef> refs = students.references(context.studentIds());
        Map<Long, List<Busy>> busy = new HashMap<>();
        Map<Long, List<Enrollment>> enrolledByClass = new HashMap<>();
        for (int i = 0; i < context.classes().size(); i++) {
            var schoolClass = context.classes().get(i);
            var rule = schoolClass.recurrence();
            if (rule == null) {
                continue;
            }
            int places = Math.min(schoolClass.capacity(), room(context, schoolClass.roomId()).capacity());
            int target = i % 7 == 0 ? places + 2 : Math.max(1, places * (55 + random.nextInt(40)) / 100);
            List<Long> candidates = new ArrayList<>(context.studentIdsByCampus()
                    .getOrDefault(schoolClass.campusId(), List.of()));
            java.util.Collections.shuffle(candidates, new java.util.Random(random.nextLong()));
            LocalDate from = schoolClass.status() == ClassStatus.OPEN ? rule.from() : context.calendar().termStart();
            List<Enrollment> made = new ArrayList<>();
            for (long studentId : candidates) {
                if (made.size() == target) {
                    break;
                }
                var ref = refs.get(studentId);
                if (ref == null || ref.status() != StudentStatus.ACTIVE || clashes(busy.get(studentId), rule)) {
                    continue;
                }
                made.add(enrollments.enroll(schoolClass.id(), studentId, from));
                busy.computeIfAbsent(studentId, k -> new ArrayList<>()).addAll(busyOf(rule));
            }
            enrolledByClass.put(schoolClass.id(), made);
            if (i % 20 == 19) {
                context.checkpoint();
            }
        }
        withdrawOneFromAFullClass(context, enrolledByClass);
        transferOne(context, enrolledByClass, busy);
    }

    private void withdrawOneFromAFullClass(DemoContext context, Map<Long, List<Enrollment>> enrolledByClass) {
        for (var schoolClass : context.classes()) {
            var list = enrolledByClass.getOrDefault(schoolClass.id(), List.of());
            boolean hasWaiting = list.stream().anyMatch(e -> e.status() == EnrollmentStatus.WAITING);
            var leaver = list.stream().filter(e -> e.status() == EnrollmentStatus.ENROLLED).findFirst();
            if (hasWaiting && leaver.isPresent()) {
                enrollments.withdraw(leaver.get().id(), leaver.get().version(), context.calendar().changesOn(),
                        "Family moved to another part of Singapore");
                return;
            }
        }
    }

    /** A student moves to another class of the same course that has a place and does not clash with their others. */
    private void transferOne(DemoContext context, Map<Long, List<Enrollment>> enrolledByClass,
            Map<Long, List<Busy>> busy) {
        for (var from : context.classes()) {
            for (var to : context.classes()) {
                if (from.id() == to.id() || from.courseId() != to.courseId() || to.recurrence() == null
                        || from.recurrence() == null || to.status() == ClassStatus.OPEN) {
                    continue;
                }
                var occupancy = enrollments.occupancy(to.id());
                if (occupancy.free() == 0) {
                    continue;
                }
                var current = enrollments.enrollments(from.id(), true,
                        org.springframework.data.domain.PageRequest.of(0, 500)).getContent();
                Optional<Enrollment> mover = current.stream()
                        .filter(e -> e.status() == EnrollmentStatus.ENROLLED)
                        .filter(e -> !clashes(without(busy.get(e.studentId()), from.recurrence()), to.recurrence()))
                        .filter(e -> enrolledByClass.getOrDefault(to.id(), List.of()).stream()
                                .noneMatch(o -> o.studentId() == e.studentId()))
                        .findFirst();
                if (mover.isPresent()) {
                    var e = mover.get();
                    enrollments.transfer(e.id(), e.version(), to.id(), context.calendar().changesOn(),
                            "Prefers the other campus");
                    return;
                }
            }
        }
    }

    private static Room room(DemoContext context, long roomId) {
        return context.rooms().stream().filter(r -> r.id() == roomId).findFirst().orElseThrow();
    }

    private static List<Busy> busyOf(Recurrence rule) {
        return rule.weekdays().stream().map(d -> new Busy(d, rule.startTime(), rule.endTime())).toList();
    }

    private static List<Busy> without(List<Busy> busy, Recurrence rule) {
        var mine = busyOf(rule);
        return busy == null ? List.of() : busy.stream().filter(b -> !mine.contains(b)).toList();
    }

    private static boolean clashes(List<Busy> busy, Recurrence rule) {
        if (busy == null) {
            return false;
        }
        for (var b : busy) {
            for (var n : busyOf(rule)) {
                if (b.day() == n.day() && b.start().isBefore(n.end()) && n.start().isBefore(b.end())) {
                    return true;
                }
            }
        }
        return false;
    }
}
