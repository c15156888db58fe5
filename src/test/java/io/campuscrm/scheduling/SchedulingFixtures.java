package io.campuscrm.scheduling;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;

/**
 * Makes scheduling data with unique names, as the system, so that tests sharing one database never meet each
 * other's rooms, teachers or classes.
 */
public class SchedulingFixtures {

    private final CourseService courses;
    private final TermService terms;
    private final RoomService rooms;
    private final ClassLifecycle classes;
    private final UserService users;
    private final InstitutionService institution;
    private final StudentChanges students;

    public SchedulingFixtures(ApplicationContext context) {
        this.courses = context.getBean(CourseService.class);
        this.terms = context.getBean(TermService.class);
        this.rooms = context.getBean(RoomService.class);
        this.classes = context.getBean(ClassLifecycle.class);
        this.users = context.getBean(UserService.class);
        this.institution = context.getBean(InstitutionService.class);
        this.students = context.getBean(StudentChanges.class);
    }

    /** A date as the demo institution (en-SG) names it in clash messages: "Tue 1 Jun 2027". */
    static String day(LocalDate date) {
        var locale = java.util.Locale.forLanguageTag("en-SG");
        return java.time.format.DateTimeFormatter.ofPattern("EEE", locale).format(date) + " "
                + java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(locale).format(date);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public Campus campus(String name) {
        return SystemAuthentication.call(() -> institution.campuses().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow());
    }

    public Course course() {
        return SystemAuthentication.call(() -> courses.create(new CourseDraft(unique("C"), "Course " + unique("N"),
                "English", "B1", 90, new BigDecimal("45.00"), true)));
    }

    public Term term(LocalDate from, LocalDate to, TermClosure... closures) {
        return SystemAuthentication.call(() -> terms.create(new TermDraft(unique("Term"), from, to,
                List.of(closures))));
    }

    public Room room(Campus campus, int capacity) {
        return SystemAuthentication.call(() -> rooms.create(new RoomDraft(campus.id(), unique("R"), capacity, true)));
    }

    public long teacher(String name, Campus campus) {
        String username = unique("t").toLowerCase();
        return SystemAuthentication.call(() -> users.create(UserDraft.of(username, name, username + "@example.org",
                Set.of(Role.TEACHER), Set.of(campus.id())), "a long enough password").id());
    }

    /** An active student with a name no other test uses (letters only, as names are searched by letters). */
    public long student(String given, Campus campus) {
        StringBuilder family = new StringBuilder("Z");
        for (char c : UUID.randomUUID().toString().substring(0, 8).toCharArray()) {
            family.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return SystemAuthentication.call(() -> students.create(NewStudent.withNewFamily(
                StudentDraft.named(given + " " + family, campus.id())).anyway()).id());
    }

    public static Recurrence weekly(Set<DayOfWeek> days, String start, String end, LocalDate from, LocalDate to) {
        return new Recurrence(days, LocalTime.parse(start), LocalTime.parse(end), from, to);
    }

    public ClassDraft draft(Course course, Term term, Campus campus, Room room, Set<Long> teachers, int capacity,
            Recurrence recurrence) {
        return new ClassDraft(unique("K"), "Class " + unique("N"), course.id(), term.id(), campus.id(), room.id(),
                capacity, true, ClassStatus.RUNNING, teachers, recurrence);
    }

    public ClassDetails create(ClassDraft draft) {
        return SystemAuthentication.call(() -> classes.create(draft));
    }
}
