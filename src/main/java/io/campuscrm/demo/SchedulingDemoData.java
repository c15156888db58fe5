package io.campuscrm.demo;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.AvailabilitySlot;
import io.campuscrm.scheduling.ClassDraft;
import io.campuscrm.scheduling.ClassLifecycle;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseDraft;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomDraft;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.TeacherAvailabilityService;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;

/**
 * Courses, the current term and the next (placed around today by {@link DemoCalendar}, with Singapore's public
 * holidays), rooms at each campus, the teachers' availability and {@link DemoScale#classCount()} classes with weekly
 * schedules. Classes are placed in a grid of weekly slots so that no room or teacher is booked twice; rooms and
 * teachers are added when the grid is full, so large scales (benchmarks) stay free of clashes too.
 */
@Component
class SchedulingDemoData implements DemoDataStep {

    /** Weekly slots, disjoint in weekday and time; each lesson (at most 90 minutes) fits with a break. */
    record Slot(Set<DayOfWeek> days, LocalTime start) {
    }

    /** The weekly slots, shared with the past terms' classes ({@link SchedulingHistoryDemoData}). */
    static final List<Slot> SLOTS = slots();

    private record CourseSpec(CourseDraft draft, int seats) {
    }

    private static final List<CourseSpec> COURSES = List.of(
            new CourseSpec(new CourseDraft("ENG-B1", "English Foundations B1", "English", "B1", 90,
                    new BigDecimal("45.00"), true), 12),
            new CourseSpec(new CourseDraft("KET-A2", "Cambridge A2 Key", "English", "A2", 90,
                    new BigDecimal("50.00"), true), 10),
            new CourseSpec(new CourseDraft("MATH-P5", "Primary Maths P5", "Mathematics", "P5", 90,
                    new BigDecimal("40.00"), true), 14),
            new CourseSpec(new CourseDraft("CHI-P4", "Chinese Language 华文 P4", "Chinese", "P4", 60,
                    new BigDecimal("38.00"), true), 12),
            new CourseSpec(new CourseDraft("SCI-S2", "Science Sec 2", "Science", "Sec 2", 90,
                    new BigDecimal("48.00"), true), 16),
            new CourseSpec(new CourseDraft("PIANO-G3", "Piano Grade 3", "Music", "Grade 3", 45,
                    new BigDecimal("60.00"), true), 4));

    private final CourseService courses;
    private final TermService terms;
    private final RoomService rooms;
    private final ClassLifecycle classes;
    private final TeacherAvailabilityService availability;
    private final UserService users;
    private final InstitutionService institution;
    private final Clock clock;

    SchedulingDemoData(CourseService courses, TermService terms, RoomService rooms, ClassLifecycle classes,
            TeacherAvailabilityService availability, UserService users, InstitutionService institution,
            Clock clock) {
        this.institution = institution;
        this.clock = clock;
        this.courses = courses;
        this.terms = terms;
        this.rooms = rooms;
        this.classes = classes;
        this.availability = availability;
        this.users = users;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        COURSES.forEach(c -> context.courses().add(courses.create(c.draft())));
        var calendar = new DemoCalendar(LocalDate.now(clock.withZone(institution.settings().timeZone())));
        context.calendar(calendar);
        context.currentTerm(terms.create(calendar.currentTerm()));
        terms.create(calendar.nextTerm());
        for (Campus campus : context.campuses()) {
            String prefix = campus.name().substring(0, 1).toUpperCase(Locale.ROOT);
            for (int capacity : new int[] {12, 16, 24, 8}) {
                context.rooms().add(rooms.create(new RoomDraft(campus.id(),
                        prefix + "-" + (100 + context.rooms().size() + 1), capacity, true)));
            }
        }
        var teachers = new ArrayList<>(users.findUsers(new UserFilter(null, Role.TEACHER, true),
                PageRequest.of(0, 500)).getContent());
        teachers.forEach(t -> giveAvailability(t.id()));
        var grid = new Grid();
        for (int i = 0; i < scale.classCount(); i++) {
            createClass(i, context, teachers, grid, random);
            if (i % 20 == 19) {
                context.checkpoint();
            }
        }
        teachers.forEach(t -> context.teacherIds().add(t.id()));
    }

    /** What is booked: a room or teacher id with a slot index. */
    private static final class Grid {
        final Set<String> rooms = new HashSet<>();
        final Set<String> teachers = new HashSet<>();
    }

    private void createClass(int i, DemoContext context, List<UserAccount> teachers, Grid grid,
            RandomGenerator random) {
        var spec = COURSES.get(i % COURSES.size());
        Course course = context.courses().get(i % COURSES.size());
        Campus campus = context.campuses().get((i / COURSES.size()) % context.campuses().size());
        int seats = spec.seats();
        while (true) {
            for (int k = 0; k < SLOTS.size(); k++) {
                int slot = (i * 7 + k) % SLOTS.size();
                var room = context.rooms().stream()
                        .filter(r -> r.campusId() == campus.id() && r.capacity() >= seats)
                        .filter(r -> !grid.rooms.contains(r.id() + "@" + slot)).findFirst();
                var teacher = teachers.stream()
                        .filter(t -> t.campusIds().isEmpty() || t.campusIds().contains(campus.id()))
                        .filter(t -> !grid.teachers.contains(t.id() + "@" + slot))
                        .skip(teachers.size() > 1 ? random.nextInt(2) : 0).findFirst()
                        .or(() -> teachers.stream()
                                .filter(t -> t.campusIds().isEmpty() || t.campusIds().contains(campus.id()))
                                .filter(t -> !grid.teachers.contains(t.id() + "@" + slot)).findFirst());
                if (room.isPresent() && teacher.isPresent()) {
                    grid.rooms.add(room.get().id() + "@" + slot);
                    grid.teachers.add(teacher.get().id() + "@" + slot);
                    save(i, course, campus, room.get(), teacher.get(), SLOTS.get(slot), seats, context);
                    return;
                }
            }
            // The grid is full for this campus: another room and another teacher make room for more classes.
            String prefix = campus.name().substring(0, 1).toUpperCase(Locale.ROOT);
            context.rooms().add(rooms.create(new RoomDraft(campus.id(),
                    prefix + "-" + (100 + context.rooms().size() + 1), 16, true)));
            var extra = users.create(UserDraft.of("t.extra." + teachers.size(), "Extra Teacher " + teachers.size(),
                    "t.extra." + teachers.size() + "@harbourside.example", Set.of(Role.TEACHER),
                    Set.of(campus.id())), UsersDemoData.PASSWORD);
            giveAvailability(extra.id());
            teachers.add(extra);
        }
    }

    private void save(int i, Course course, Campus campus, Room room, UserAccount teacher, Slot slot, int seats,
            DemoContext context) {
        boolean intake = i % 5 == 4;
        var calendar = context.calendar();
        var recurrence = new Recurrence(slot.days(), slot.start(), slot.start().plusMinutes(course.sessionMinutes()),
                intake ? calendar.intakeStart() : calendar.termStart(), calendar.termEnd());
        String code = course.code() + "-" + campus.name().substring(0, 1).toUpperCase(Locale.ROOT) + (i + 1);
        String name = course.name() + " · " + campus.name() + " " + (char) ('A' + (i / COURSES.size()) % 26);
        context.classes().add(classes.create(new ClassDraft(code, name, course.id(),
                context.currentTerm().id(), campus.id(), room.id(), Math.min(seats, room.capacity()), true,
                intake ? ClassStatus.OPEN : ClassStatus.RUNNING, Set.of(teacher.id()), recurrence)));
    }

    private void giveAvailability(long teacherId) {
        availability.replace(teacherId, availability.availability(teacherId).version(), weeklyAvailability());
    }

    /** Weekday afternoons and evenings and Saturdays; Sunday classes show as outside availability. */
    static List<AvailabilitySlot> weeklyAvailability() {
        List<AvailabilitySlot> slots = new ArrayList<>();
        for (DayOfWeek day : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
            slots.add(new AvailabilitySlot(day, LocalTime.of(15, 30), LocalTime.of(21, 30)));
        }
        slots.add(new AvailabilitySlot(SATURDAY, LocalTime.of(8, 30), LocalTime.of(17, 30)));
        return slots;
    }

    private static List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        for (LocalTime time : List.of(LocalTime.of(16, 0), LocalTime.of(17, 45), LocalTime.of(19, 30))) {
            slots.add(new Slot(Set.of(MONDAY, WEDNESDAY), time));
            slots.add(new Slot(Set.of(TUESDAY, THURSDAY), time));
            slots.add(new Slot(Set.of(FRIDAY), time));
        }
        for (DayOfWeek day : List.of(SATURDAY, SUNDAY)) {
            for (LocalTime time : List.of(LocalTime.of(9, 0), LocalTime.of(10, 45), LocalTime.of(13, 30),
                    LocalTime.of(15, 15))) {
                slots.add(new Slot(Set.of(day), time));
            }
        }
        return List.copyOf(slots);
    }
}
