package io.campuscrm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.attendance.AttendanceBulkLoader;
import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.BulkRoster;
import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.attendance.PackageDraft;
import io.campuscrm.attendance.PackagePlanner;
import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.scheduling.BulkSession;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.SchedulingBulkLoader;

/**
 * Attendance and lesson packages (考勤 / 课消): every session before today taken, today's left for the teacher.
 * Students attend as students do (about nine in ten present, some late by a few minutes, some absent, some on leave
 * for a reason, now and then one leaving early); lessons are consumed from their packages (10, 20 or 40 lessons of
 * the course at its lesson price, one in six counted in hours), by the course's policy.
 * <p>
 * At demo scale everything goes through the services, as an administrator: packages granted
 * ({@link LessonPackageService#grant}), each roster saved ({@link AttendanceService#save}), what expired forfeited;
 * the ledger is what the services write. The demo shows, besides, two students running low (fewer than five lessons
 * left), one who attended with nothing left (owing), one whose package expired with lessons unused (its value
 * forfeited) and who renewed, one absent three times in a row.
 * <p>
 * At benchmark scale (past terms, or more than {@value #SERVICE_PATH_MAX_CLASSES} classes: millions of marks) the
 * same marks and packages go through {@link AttendanceBulkLoader} instead: packages are granted when a student's
 * first lesson needs one and renewed when one runs out (one in twenty pays a few lessons late, one in three hundred
 * not at all), and one past session in a hundred was never taken.
 */
@Component
class AttendanceDemoData implements DemoDataStep {

    private static final Logger log = LoggerFactory.getLogger(AttendanceDemoData.class);
    static final int SERVICE_PATH_MAX_CLASSES = 100;
    private static final int[] SIZES = {10, 20, 40};
    private static final List<String> LEAVE = List.of("Leave: family trip (mother called)",
            "Leave: school exams this week", "Leave: unwell, fever", "Leave: school camp",
            "Leave: grandmother's birthday dinner", "Leave: CCA competition");
    private static final List<String> LATE = List.of("Traffic on the PIE", "School dismissed late",
            "Bus was late");

    private final AttendanceService attendance;
    private final LessonPackageService packages;
    private final AttendanceBulkLoader bulk;
    private final SchedulingBulkLoader scheduling;
    private final EnrollmentService enrollments;
    private volatile @Nullable Taken last;

    AttendanceDemoData(AttendanceService attendance, LessonPackageService packages, AttendanceBulkLoader bulk,
            SchedulingBulkLoader scheduling, EnrollmentService enrollments) {
        this.attendance = attendance;
        this.packages = packages;
        this.bulk = bulk;
        this.scheduling = scheduling;
        this.enrollments = enrollments;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        if (context.classes().isEmpty() && context.pastTerms().isEmpty()) {
            return;
        }
        last = !context.pastTerms().isEmpty() || context.classes().size() > SERVICE_PATH_MAX_CLASSES
                ? generateInBulk(context, random) : generateThroughServices(context, random);
    }

    /**
     * What a generation took: the classes whose sessions before today it took, how many sessions and marks, the
     * packages (their ids when granted through the service), the last session's date.
     */
    record Taken(boolean inBulk, List<Long> classIds, long sessions, long marks, long packages, List<Long> packageIds,
            @Nullable LocalDate lastSession) {
    }

    /** What the last generation took (for tests); null before one ran. */
    @Nullable Taken last() {
        return last;
    }

    /** A student and a course: what a package is for. */
    private record Key(long studentId, long courseId) {
    }

    // ---------------------------------------------------------------------------------------- through the services

    Taken generateThroughServices(DemoContext context, RandomGenerator random) {
        var calendar = context.calendar();
        var classIds = context.classes().stream().map(ClassDetails::id).toList();
        var sessions = scheduling.unheldSessionsBefore(classIds, calendar.today());
        Map<Long, List<BulkRoster.Mark>> marks = new LinkedHashMap<>();
        for (var s : sessions) {
            marks.put(s.sessionId(), new ArrayList<>(s.studentIds().stream().map(id -> mark(id, random)).toList()));
        }
        absentThreeTimesInARow(sessions, marks);

        // who attended what (the default policy: everything but excused leave consumes), in time order
        Map<Key, List<LocalDate>> consuming = new LinkedHashMap<>();
        Map<Key, LocalDate> since = new LinkedHashMap<>();
        for (var s : sessions) {
            for (var m : marks.get(s.sessionId())) {
                var key = new Key(m.studentId(), s.courseId());
                since.merge(key, s.date(), (a, b) -> a.isBefore(b) ? a : b);
                if (m.status() != AttendanceStatus.EXCUSED) {
                    consuming.computeIfAbsent(key, k -> new ArrayList<>()).add(s.date());
                }
            }
        }
        for (var c : context.classes()) {
            for (var e : enrollments.enrollments(c.id(), true, PageRequest.of(0, 500)).getContent()) {
                if (e.status() == EnrollmentStatus.ENROLLED && e.enrolledOn() != null) {
                    since.merge(new Key(e.studentId(), c.courseId()), e.enrolledOn(),
                            (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        var courses = courses(context);
        var plan = new DemoPackagePlan(since, consuming, courses, random);
        long start = System.nanoTime();
        var packageIds = plan.drafts().stream().map(d -> packages.grant(d).id()).toList();
        long granted = System.nanoTime();

        int saved = 0;
        for (var s : sessions) {
            var seatMarks = marks.get(s.sessionId()).stream().map(m -> new SeatMark(RosterSeat.studentKey(
                    m.studentId()), m.status(), m.lateMinutes(), m.note())).toList();
            attendance.save(s.sessionId(), 0, seatMarks);
            if (++saved % 50 == 0) {
                context.checkpoint();
            }
        }
        bulk.expireLapsed();
        log.info("Demo attendance: {} packages granted in {} ms, {} rosters saved in {} ms", packageIds.size(),
                (granted - start) / 1_000_000, sessions.size(), (System.nanoTime() - granted) / 1_000_000);
        return new Taken(false, classIds, sessions.size(), marks.values().stream().mapToLong(List::size).sum(),
                packageIds.size(), packageIds, sessions.isEmpty() ? null : sessions.getLast().date());
    }

    /** The last three lessons of a student of the first class with that many: absent, no word from home. */
    private static void absentThreeTimesInARow(List<BulkSession> sessions, Map<Long, List<BulkRoster.Mark>> marks) {
        Map<Long, List<BulkSession>> byClass = new LinkedHashMap<>();
        sessions.forEach(s -> byClass.computeIfAbsent(s.classId(), k -> new ArrayList<>()).add(s));
        for (var list : byClass.values()) {
            if (list.size() < 3 || list.getLast().studentIds().isEmpty()) {
                continue;
            }
            long student = list.getLast().studentIds().getFirst();
            var last = list.subList(list.size() - 3, list.size());
            if (last.stream().allMatch(s -> s.studentIds().contains(student))) {
                for (var s : last) {
                    marks.get(s.sessionId()).replaceAll(m -> m.studentId() == student
                            ? new BulkRoster.Mark(student, AttendanceStatus.ABSENT, null, null) : m);
                }
                return;
            }
        }
    }

    /**
     * The demo's packages: one per student and course for everyone who attended or is enrolled (but one in seven of
     * those who have not had a lesson yet), sized to last (at least five lessons to spare), except the students the
     * demo shows: two running low (a top-up of five lessons when no one has used six to nine or sixteen to
     * nineteen), one owing, one whose package expired with lessons unused and who renewed.
     */
    private static final class DemoPackagePlan {

        private final List<PackageDraft> drafts = new ArrayList<>();

        DemoPackagePlan(Map<Key, LocalDate> since, Map<Key, List<LocalDate>> consuming, Map<Long, Course> courses,
                RandomGenerator random) {
            var keys = new ArrayList<>(since.keySet());
            Key owing = keys.stream().max(java.util.Comparator.comparingInt(k -> count(consuming, k))).orElse(null);
            List<Key> low = new ArrayList<>();
            // used lessons and the package that leaves fewer than five of them: 10, 20, or a top-up of 5
            for (int[] range : new int[][] {{6, 9, 10}, {16, 19, 20}, {1, 4, 5}}) {
                keys.stream().filter(k -> !k.equals(owing) && !low.contains(k))
                        .filter(k -> count(consuming, k) >= range[0] && count(consuming, k) <= range[1])
                        .limit(2 - low.size()).forEach(low::add);
            }
            Key expired = keys.stream().filter(k -> !k.equals(owing) && !low.contains(k))
                    .filter(k -> count(consuming, k) >= 4).findFirst().orElse(null);
            for (var key : keys) {
                var course = courses.get(key.courseId());
                int used = count(consuming, key);
                var starts = since.get(key).minusDays(1 + random.nextInt(10));
                if (key.equals(owing)) {
                    // attended more lessons than they bought: the rest is owed
                    if (used > 10) {
                        drafts.add(draft(key, course, PackageUnit.LESSONS, 10, starts, null));
                    }
                } else if (low.contains(key)) {
                    int size = used <= 4 ? 5 : used <= 9 ? 10 : 20;
                    drafts.add(draft(key, course, PackageUnit.LESSONS, size, starts,
                            size == 5 ? "Top-up of five lessons" : null));
                } else if (key.equals(expired)) {
                    // bought before the term, expired after the third lesson of it, renewed for the rest
                    var expiry = consuming.get(key).get(2);
                    drafts.add(new PackageDraft(key.studentId(), key.courseId(), PackageUnit.LESSONS,
                            BigDecimal.TEN.setScale(2), price(course, 10), expiry.minusMonths(4), expiry, null, null));
                    drafts.add(draft(key, course, PackageUnit.LESSONS, size(used - 3 + 5, random),
                            expiry.plusDays(1), "Renewed after the last package expired"));
                } else if (used > 0 || random.nextInt(7) != 0) {
                    drafts.add(draft(key, course, unit(course, random), size(used + 5, random), starts, null));
                }
            }
        }

        List<PackageDraft> drafts() {
            return drafts;
        }

        private static int count(Map<Key, List<LocalDate>> consuming, Key key) {
            return consuming.getOrDefault(key, List.of()).size();
        }

        /** 10, 20 or 40 lessons (four in ten, four in ten, two in ten), at least {@code atLeast}. */
        private static int size(int atLeast, RandomGenerator random) {
            int r = random.nextInt(10);
            int size = r < 4 ? 10 : r < 8 ? 20 : 40;
            for (int s : SIZES) {
                if (size < atLeast && s >= atLeast) {
                    size = s;
                }
            }
            return Math.max(size, atLeast);
        }
    }

    // ------------------------------------------------------------------------------------------------------ in bulk

    Taken generateInBulk(DemoContext context, RandomGenerator random) {
        var today = context.calendar().today();
        List<List<Long>> terms = new ArrayList<>();
        context.pastTerms().forEach(t -> terms.add(t.classIds()));
        terms.add(context.classes().stream().map(ClassDetails::id).toList());
        int past = context.pastTerms().size();
        var courses = courses(context);
        Iterable<BulkRoster> rosters = () -> new Iterator<>() {
            private int term = -1;
            private Iterator<BulkSession> sessions = java.util.Collections.emptyIterator();
            private @Nullable BulkRoster next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (!sessions.hasNext()) {
                        if (++term == terms.size()) {
                            return false;
                        }
                        sessions = scheduling.unheldSessionsBefore(terms.get(term), today).iterator();
                        continue;
                    }
                    var s = sessions.next();
                    // now and then a teacher of a past term never took the roster
                    if (term < past && random.nextInt(100) == 0) {
                        continue;
                    }
                    var takenAt = s.endAt().plus(Duration.ofMinutes(5 + random.nextInt(40)));
                    next = new BulkRoster(s, takenAt, s.studentIds().stream().map(id -> mark(id, random)).toList());
                }
                return true;
            }

            @Override
            public BulkRoster next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                var roster = next;
                next = null;
                return roster;
            }
        };
        var lastSession = new java.util.concurrent.atomic.AtomicReference<@Nullable LocalDate>();
        Iterable<BulkRoster> seen = () -> {
            var it = rosters.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public BulkRoster next() {
                    var roster = it.next();
                    lastSession.accumulateAndGet(roster.session().date(), (a, b) -> a == null || b.isAfter(a) ? b : a);
                    return roster;
                }
            };
        };
        var loaded = bulk.load(seen, new BulkPackages(courses, random));
        return new Taken(true, terms.stream().flatMap(List::stream).toList(), loaded.sessions(), loaded.marks(),
                loaded.packages(), List.of(), lastSession.get());
    }

    /**
     * The packages of the bulk path, asked for when a lesson finds nothing left: most students buy before that
     * lesson (the first package up to ten days before, a renewal up to three); one in twenty attends one to three
     * lessons first and then buys a package from the first of them, which pays them; one in three hundred does not pay
     * and owes from then on.
     */
    private static final class BulkPackages implements PackagePlanner {

        /** A student owing lessons before they buy: since when, and how many lessons more. */
        private static final class Gap {
            final LocalDate since;
            int more;

            Gap(LocalDate since, int more) {
                this.since = since;
                this.more = more;
            }
        }

        private final Map<Long, Course> courses;
        private final RandomGenerator random;
        private final Map<Key, Gap> gaps = new java.util.HashMap<>();
        private final Map<Key, PackageUnit> units = new java.util.HashMap<>();

        BulkPackages(Map<Long, Course> courses, RandomGenerator random) {
            this.courses = courses;
            this.random = random;
        }

        @Override
        public @Nullable PackageDraft next(long studentId, long courseId, LocalDate date, int packagesSoFar) {
            var key = new Key(studentId, courseId);
            var gap = gaps.get(key);
            LocalDate starts;
            var course = courses.get(courseId);
            var unit = unit(course, random);
            if (gap == null) {
                int r = random.nextInt(300);
                if (r < 15) {
                    gaps.put(key, new Gap(date, r == 0 ? Integer.MAX_VALUE : random.nextInt(3)));
                    return null;
                }
                starts = date.minusDays(packagesSoFar == 0 ? random.nextInt(11) : random.nextInt(4));
            } else if (gap.more > 0) {
                gap.more = gap.more == Integer.MAX_VALUE ? gap.more : gap.more - 1;
                return null;
            } else {
                // the lessons were owed in the unit of the last package (lessons if none): a package in that unit
                // pays them lesson for lesson (Ledger.settleOwed takes the owed quantity as it is)
                gaps.remove(key);
                starts = gap.since;
                unit = units.getOrDefault(key, PackageUnit.LESSONS);
            }
            units.put(key, unit);
            int r = random.nextInt(10);
            int lessons = r < 4 ? 10 : r < 8 ? 20 : 40;
            var draft = draft(key, course, unit, lessons, starts, null);
            // owed since so long (the course taken up again after a term away) that a package from then would have
            // expired: one from today, and the old lessons stay owed
            return draft.expiresOn().isBefore(date) ? draft(key, course, unit, lessons, date, null) : draft;
        }
    }

    // ------------------------------------------------------------------------------------------------------- shared

    /** How a student fares in one lesson. */
    static BulkRoster.Mark mark(long studentId, RandomGenerator random) {
        int r = random.nextInt(1000);
        if (r < 900) {
            return new BulkRoster.Mark(studentId, AttendanceStatus.PRESENT, null, null);
        }
        if (r < 945) {
            return new BulkRoster.Mark(studentId, AttendanceStatus.LATE, 5 * (1 + random.nextInt(4)),
                    random.nextInt(4) == 0 ? LATE.get(random.nextInt(LATE.size())) : null);
        }
        if (r < 970) {
            return new BulkRoster.Mark(studentId, AttendanceStatus.ABSENT, null, null);
        }
        if (r < 993) {
            return new BulkRoster.Mark(studentId, AttendanceStatus.EXCUSED, null,
                    LEAVE.get(random.nextInt(LEAVE.size())));
        }
        return new BulkRoster.Mark(studentId, AttendanceStatus.LEFT_EARLY, null,
                "Picked up early for a dental appointment");
    }

    /**
     * A package of {@code lessons} lessons of the course at its lesson price; in hours, as many hours as those
     * lessons last. It expires after two months (a top-up of 5), four (10 lessons), six (20) or a year (40).
     */
    private static PackageDraft draft(Key key, Course course, PackageUnit unit, int lessons, LocalDate starts,
            @Nullable String note) {
        var quantity = BigDecimal.valueOf(lessons).setScale(2);
        if (unit == PackageUnit.HOURS) {
            quantity = BigDecimal.valueOf(course.sessionMinutes()).divide(BigDecimal.valueOf(60), 2,
                    RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(lessons));
        }
        int months = lessons <= 5 ? 2 : lessons <= 10 ? 4 : lessons <= 20 ? 6 : 12;
        return new PackageDraft(key.studentId(), key.courseId(), unit, quantity, price(course, lessons), starts,
                starts.plusMonths(months), null, note);
    }

    /**
     * One package in six is counted in hours, for courses of an hour or more (five lessons' hours never read as a
     * low balance of fewer than five).
     */
    private static PackageUnit unit(Course course, RandomGenerator random) {
        return course.sessionMinutes() >= 60 && random.nextInt(6) == 0 ? PackageUnit.HOURS : PackageUnit.LESSONS;
    }

    private static BigDecimal price(Course course, int lessons) {
        return course.lessonPrice().multiply(BigDecimal.valueOf(lessons)).setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<Long, Course> courses(DemoContext context) {
        Map<Long, Course> courses = new LinkedHashMap<>();
        context.courses().forEach(c -> courses.put(c.id(), c));
        return courses;
    }
}
