package io.campuscrm.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.BulkClass;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.RoomDraft;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.SchedulingBulkLoader;
import io.campuscrm.scheduling.TeacherAvailabilityService;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;

/**
 * The school's past at benchmark scale ({@link DemoScale#pastTerms()}; nothing in the demo): terms before the current
 * one, each with {@link DemoScale#pastTermClasses()} finished classes bulk-loaded with their sessions and students,
 * whose attendance {@link AttendanceDemoData} then takes. Classes sit in a grid of weekly slots by "columns": a
 * column is a room of its own and a teacher (the demo's teachers first, then more), and takes one class per slot,
 * so no room or teacher is booked twice; a student is in at most two classes a term, never two in one slot, and
 * most carry on with their course into the next term, as students do.
 */
@Component
class SchedulingHistoryDemoData implements DemoDataStep {

    /** How many students a past class of each course takes at most (revision classes are larger than this term's). */
    private static final Map<String, Integer> SEATS = Map.of("ENG-B1", 20, "KET-A2", 16, "MATH-P5", 30,
            "CHI-P4", 20, "SCI-S2", 30, "PIANO-G3", 4);
    private static final int ROOM_SEATS = 32;
    private static final int CLASSES_PER_STUDENT = 2;

    private final TermService terms;
    private final RoomService rooms;
    private final UserService users;
    private final TeacherAvailabilityService availability;
    private final SchedulingBulkLoader loader;

    SchedulingHistoryDemoData(TermService terms, RoomService rooms, UserService users,
            TeacherAvailabilityService availability, SchedulingBulkLoader loader) {
        this.terms = terms;
        this.rooms = rooms;
        this.users = users;
        this.availability = availability;
        this.loader = loader;
    }

    @Override
    public int order() {
        return 45;
    }

    /** A room and a teacher that take one class in each weekly slot. */
    private record Column(Campus campus, long roomId, long teacherId) {
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        if (scale.pastTerms() <= 0 || scale.pastTermClasses() <= 0 || context.courses().isEmpty()) {
            return;
        }
        var slots = SchedulingDemoData.SLOTS;
        var columns = columns((scale.pastTermClasses() + slots.size() - 1) / slots.size(), context);
        var calendar = context.calendar();
        Map<String, List<Long>> lastTerm = new HashMap<>();
        for (int n = scale.pastTerms(); n >= 1; n--) {
            var term = terms.create(calendar.pastTerm(n));
            Map<Long, Students> pools = new HashMap<>();
            Map<String, List<Long>> thisTerm = new HashMap<>();
            List<BulkClass> classes = new ArrayList<>(scale.pastTermClasses());
            for (int k = 0; k < scale.pastTermClasses(); k++) {
                var column = columns.get(k / slots.size());
                int slot = k % slots.size();
                Course course = context.courses().get((k + k / slots.size()) % context.courses().size());
                var pool = pools.computeIfAbsent(column.campus().id(), id -> new Students(context
                        .studentIdsByCampus().getOrDefault(id, List.of()), random.nextLong()));
                int seats = SEATS.getOrDefault(course.code(), 20);
                int target = random.nextInt(10) < 4 ? seats : Math.max(2, seats * (55 + random.nextInt(41)) / 100);
                String key = course.id() + "@" + column.campus().id();
                var chosen = pool.choose(slot, target, lastTerm.getOrDefault(key, List.of()), random);
                thisTerm.computeIfAbsent(key, x -> new ArrayList<>()).addAll(chosen);
                var from = calendar.pastTermStart(n);
                var start = slots.get(slot).start();
                var rule = new Recurrence(slots.get(slot).days(), start, start.plusMinutes(course.sessionMinutes()),
                        from, calendar.pastTermEnd(n));
                String campusLetter = column.campus().name().substring(0, 1).toUpperCase(Locale.ROOT);
                classes.add(new BulkClass(course.code() + "-P" + n + campusLetter + "-" + (k + 1), course.name()
                        + " · " + column.campus().name() + " " + (k / slots.size() + 1) + " · " + term.name(),
                        course.id(), term.id(), column.campus().id(), column.roomId(), seats, ClassStatus.FINISHED,
                        Set.of(column.teacherId()), rule, chosen.stream().map(id -> new BulkClass.Enrolled(id, from))
                                .toList()));
            }
            context.pastTerms().add(new DemoContext.PastTerm(term, loader.loadClasses(classes)));
            lastTerm = thisTerm;
            context.checkpoint();
        }
    }

    /** The demo's teachers first (each once, at a campus they may teach at), then new ones; a room each. */
    private List<Column> columns(int count, DemoContext context) {
        var teachers = new ArrayList<>(users.findUsers(new UserFilter(null, Role.TEACHER, true),
                PageRequest.of(0, 500)).getContent());
        Set<Long> used = new HashSet<>();
        List<Column> columns = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            var campus = context.campuses().get(j % context.campuses().size());
            String prefix = campus.name().substring(0, 1).toUpperCase(Locale.ROOT);
            var room = rooms.create(new RoomDraft(campus.id(), prefix + "-H" + (j + 1), ROOM_SEATS, true));
            int number = j + 1;
            var teacher = teachers.stream().filter(t -> !used.contains(t.id()))
                    .filter(t -> t.campusIds().isEmpty() || t.campusIds().contains(campus.id())).findFirst()
                    .orElseGet(() -> newTeacher(number, campus));
            used.add(teacher.id());
            columns.add(new Column(campus, room.id(), teacher.id()));
        }
        return columns;
    }

    private UserAccount newTeacher(int number, Campus campus) {
        String username = "t.past." + number;
        var teacher = users.create(UserDraft.of(username, "Past Teacher " + number, username + "@harbourside.example",
                Set.of(Role.TEACHER), Set.of(campus.id())), UsersDemoData.PASSWORD);
        availability.replace(teacher.id(), availability.availability(teacher.id()).version(),
                SchedulingDemoData.weeklyAvailability());
        return teacher;
    }

    /** A campus's students in one term: who is in which slot, taken round a shuffled list. */
    private static final class Students {
        private final List<Long> order;
        private final Map<Long, Integer> slotsTaken = new HashMap<>();
        private int cursor;

        Students(List<Long> ids, long seed) {
            order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(seed));
        }

        /** Up to {@code target} students free in the slot: about seven in ten from last term's class of the course. */
        List<Long> choose(int slot, int target, List<Long> continuing, RandomGenerator random) {
            List<Long> chosen = new ArrayList<>(target);
            int fromLastTerm = target * 7 / 10;
            if (!continuing.isEmpty()) {
                int offset = random.nextInt(continuing.size());
                for (int i = 0; i < continuing.size() && chosen.size() < fromLastTerm; i++) {
                    take(continuing.get((offset + i) % continuing.size()), slot, chosen);
                }
            }
            for (int tries = 0; tries < order.size() && chosen.size() < target; tries++) {
                take(order.get(cursor), slot, chosen);
                cursor = (cursor + 1) % order.size();
            }
            return chosen;
        }

        private void take(long studentId, int slot, List<Long> chosen) {
            int taken = slotsTaken.getOrDefault(studentId, 0);
            if ((taken & (1 << slot)) != 0 || Integer.bitCount(taken) >= CLASSES_PER_STUDENT) {
                return;
            }
            slotsTaken.put(studentId, taken | (1 << slot));
            chosen.add(studentId);
        }
    }
}
