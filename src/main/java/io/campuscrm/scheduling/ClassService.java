package io.campuscrm.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.internal.ClashFinder;
import io.campuscrm.scheduling.internal.CourseRepository;
import io.campuscrm.scheduling.internal.RecurrenceGenerator;
import io.campuscrm.scheduling.internal.RoomRepository;
import io.campuscrm.scheduling.internal.ScheduleLocks;
import io.campuscrm.scheduling.internal.ScheduleRules;
import io.campuscrm.scheduling.internal.ScheduleWriter;
import io.campuscrm.scheduling.internal.SchedulingAccess;
import io.campuscrm.scheduling.internal.SchoolClassEntity;
import io.campuscrm.scheduling.internal.SchoolClassRepository;
import io.campuscrm.scheduling.internal.SessionStore;
import io.campuscrm.scheduling.internal.TeacherEntity;
import io.campuscrm.scheduling.internal.TeacherRepository;
import io.campuscrm.scheduling.internal.TermEntity;
import io.campuscrm.scheduling.internal.TermRepository;
import io.campuscrm.scheduling.internal.Waitlist;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

import jakarta.validation.Valid;

/**
 * Classes and their recurrence: create and change a class, which generates (or regenerates) its sessions and
 * checks them for clashes in the same transaction, so a refused change leaves nothing behind. Single sessions are
 * changed through {@link SessionService}. Administrators change classes; office staff read their campuses' classes;
 * a teacher reads the classes they teach.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ClassService {

    static final String READERS = "hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')";

    private final SchoolClassRepository classes;
    private final CourseRepository courses;
    private final TermRepository terms;
    private final RoomRepository rooms;
    private final ScheduleRules rules;
    private final ScheduleLocks locks;
    private final ScheduleWriter writer;
    private final SessionStore sessions;
    private final ClashFinder clashes;
    private final SchedulingAccess access;
    private final InstitutionService institution;
    private final UserService users;
    private final TeacherRepository teachers;
    private final Waitlist waitlist;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClassService(SchoolClassRepository classes, CourseRepository courses, TermRepository terms, RoomRepository rooms,
            ScheduleRules rules, ScheduleLocks locks, ScheduleWriter writer, SessionStore sessions,
            ClashFinder clashes, SchedulingAccess access, InstitutionService institution, UserService users,
            TeacherRepository teachers, Waitlist waitlist, ApplicationEventPublisher events, Clock clock) {
        this.waitlist = waitlist;
        this.classes = classes;
        this.courses = courses;
        this.terms = terms;
        this.rooms = rooms;
        this.rules = rules;
        this.locks = locks;
        this.writer = writer;
        this.sessions = sessions;
        this.clashes = clashes;
        this.access = access;
        this.institution = institution;
        this.users = users;
        this.teachers = teachers;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(READERS)
    public Slice<ClassSummary> find(ClassFilter filter, Pageable page) {
        var scope = access.scope();
        var slice = classes.search(CourseService.pattern(filter.text()), filter.campusId(), filter.termId(),
                filter.courseId(), filter.teacherId(), filter.status(), scope.allCampuses(),
                scope.campusIdsOrNone(), scope.ownTeacherId(), page);
        var content = slice.getContent();
        Map<Long, String> courseNames = new LinkedHashMap<>();
        courses.findAllById(content.stream().map(SchoolClassEntity::getCourseId).distinct().toList())
                .forEach(c -> courseNames.put(c.getId(), c.getName()));
        Map<Long, String> termNames = new LinkedHashMap<>();
        terms.findAllById(content.stream().map(SchoolClassEntity::getTermId).distinct().toList())
                .forEach(t -> termNames.put(t.getId(), t.getName()));
        Map<Long, String> roomNames = new LinkedHashMap<>();
        rooms.findAllById(content.stream().map(SchoolClassEntity::getRoomId).distinct().toList())
                .forEach(r -> roomNames.put(r.getId(), r.getName()));
        Set<Long> teacherIds = new HashSet<>();
        content.forEach(c -> teacherIds.addAll(c.getTeacherIds()));
        Map<Long, String> teacherNames = users.displayNames(teacherIds);
        return slice.map(c -> {
            var d = c.toDetails();
            return new ClassSummary(d.id(), d.code(), d.name(), d.courseId(), courseNames.getOrDefault(d.courseId(), ""),
                    d.termId(), termNames.getOrDefault(d.termId(), ""), d.campusId(), d.roomId(),
                    roomNames.getOrDefault(d.roomId(), ""), d.teacherIds().stream().map(teacherNames::get)
                            .filter(Objects::nonNull).sorted().toList(),
                    d.capacity(), d.status(), d.recurrence());
        });
    }

    @PreAuthorize(READERS)
    public ClassDetails get(long id) {
        var entity = classes.findById(id).orElseThrow(() -> new NotFoundException());
        access.requireClass(entity.getCampusId(), entity.getTeacherIds());
        return entity.toDetails();
    }

    /** What a recurrence would generate in a term, for the editor's live preview. Saves nothing. */
    @PreAuthorize(READERS)
    public SchedulePreview preview(long termId, @Valid Recurrence recurrence) {
        var term = loadTerm(termId);
        requireRecurrence(recurrence, term);
        var schedule = RecurrenceGenerator.generate(recurrence, term.toTerm().closures(), rules.zone());
        var occurrences = schedule.occurrences();
        return new SchedulePreview(occurrences.size(), occurrences.isEmpty() ? null : occurrences.getFirst().date(),
                occurrences.isEmpty() ? null : occurrences.getLast().date(), schedule.skipped(), schedule.rrule());
    }

    /** Creates a class and generates all its sessions; refused, with nothing saved, when any of them clashes. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ClassDetails create(@Valid ClassDraft draft) {
        var term = validate(draft, null);
        // Locks before the insert: its foreign key takes a shared lock on the room, which two transactions could
        // otherwise both hold and then both fail to upgrade.
        locks.lock(Set.of(draft.roomId()), draft.teacherIds());
        var entity = classes.saveAndFlush(new SchoolClassEntity(draft));
        long id = entity.getId();
        if (draft.status().schedulable()) {
            writer.regenerate(id, draft.roomId(), draft.recurrence(), term.toTerm().closures(), rules.zone(),
                    clock.instant());
            sessions.addTeachersWhereMissing(id, java.time.Instant.EPOCH, draft.teacherIds());
            ScheduleRules.refuse(clashes.inClass(id, java.time.Instant.EPOCH), "recurrence");
        }
        events.publishEvent(AuditEvent.created("Class", id, "Created class " + entity.getCode(), draft));
        return entity.toDetails();
    }

    /**
     * Changes a class. Its future sessions follow: regenerated from the rule (held and past sessions untouched,
     * moved and added ones kept), given the class's teachers when they changed, cancelled when the class is.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ClassDetails update(long id, long version, @Valid ClassDraft draft) {
        var entity = rules.lockClass(id);
        entity.checkVersion(version);
        var before = entity.toDraft();
        var term = validate(draft, entity);
        if (before.campusId() != draft.campusId() && sessions.classHasSessions(id)) {
            throw new DomainException("campusId", "class.error.campus-fixed");
        }
        Set<Long> allTeachers = new HashSet<>(before.teacherIds());
        allTeachers.addAll(draft.teacherIds());
        locks.lock(List.of(before.roomId(), draft.roomId()), allTeachers, rules.studentsOf(id));
        int enrolled = waitlist.enrolled(id);
        if (Math.min(draft.capacity(), rooms.findById(draft.roomId()).orElseThrow().getCapacity()) < enrolled) {
            throw new DomainException("capacity", "enrollment.error.below-enrolled", enrolled);
        }
        entity.apply(draft);
        classes.saveAndFlush(entity);
        var now = clock.instant();
        if (draft.status() == ClassStatus.CANCELLED && before.status() != ClassStatus.CANCELLED) {
            sessions.cancelFrom(id, now, "Class cancelled");
        } else if (draft.status().schedulable()) {
            writer.regenerate(id, draft.roomId(), draft.recurrence(), term.toTerm().closures(), rules.zone(), now);
        }
        if (!before.teacherIds().equals(draft.teacherIds())) {
            sessions.replaceTeachers(id, now, draft.teacherIds());
        } else {
            sessions.addTeachersWhereMissing(id, now, draft.teacherIds());
        }
        sessions.refreshTeachersOfClass(id);
        ScheduleRules.refuse(clashes.inClass(id, now), "recurrence");
        if (draft.status().schedulable()) {
            waitlist.promote(entity, LocalDate.now(clock.withZone(rules.zone())));
        }
        events.publishEvent(AuditEvent.updated("Class", id, "Changed class " + entity.getCode(), before, draft));
        return entity.toDetails();
    }

    /**
     * Where the class's future sessions lie outside its teachers' weekly availability, grouped by teacher, weekday and
     * time. Teachers who entered no availability are not warned about.
     */
    @PreAuthorize(READERS)
    public List<AvailabilityWarning> availabilityWarnings(long classId) {
        var details = get(classId);
        var future = sessions.findByClassFrom(classId, clock.instant()).stream().filter(s -> s.scheduled()).toList();
        Map<Long, String> names = users.displayNames(details.teacherIds());
        record Key(long teacher, DayOfWeek day, LocalTime start, LocalTime end) {
        }
        Map<Key, Integer> counts = new LinkedHashMap<>();
        for (long teacherId : details.teacherIds().stream().sorted().toList()) {
            var slots = teachers.findById(teacherId).map(TeacherEntity::slots).orElse(List.of());
            if (slots.isEmpty()) {
                continue;
            }
            for (var s : future) {
                var day = s.startsLocal().getDayOfWeek();
                var start = s.startsLocal().toLocalTime();
                var end = s.endsLocal().toLocalTime();
                if (slots.stream().noneMatch(slot -> slot.covers(day, start, end))) {
                    counts.merge(new Key(teacherId, day, start, end), 1, Integer::sum);
                }
            }
        }
        List<AvailabilityWarning> warnings = new ArrayList<>();
        counts.forEach((k, n) -> warnings.add(new AvailabilityWarning(k.teacher(),
                names.getOrDefault(k.teacher(), "#" + k.teacher()), k.day(), k.start(), k.end(), n)));
        return warnings;
    }

    private TermEntity validate(ClassDraft draft, SchoolClassEntity existing) {
        classes.findByCodeIgnoreCase(draft.code().strip())
                .filter(c -> existing == null || !c.getId().equals(existing.getId())).ifPresent(c -> {
                    throw new DomainException("code", "class.error.duplicate-code", draft.code().strip());
                });
        if (!courses.existsById(draft.courseId())) {
            throw new NotFoundException("courseId");
        }
        access.requireCampus(draft.campusId());
        if (!institution.campusesById(List.of(draft.campusId())).containsKey(draft.campusId())) {
            throw new NotFoundException("campusId");
        }
        var term = loadTerm(draft.termId());
        rules.usableRoom(draft.roomId(), draft.campusId(), draft.capacity(), "roomId");
        rules.requireTeachers(draft.teacherIds(), "teacherIds");
        if (draft.recurrence() != null) {
            requireRecurrence(draft.recurrence(), term);
        }
        return term;
    }

    private static void requireRecurrence(Recurrence recurrence, TermEntity term) {
        ScheduleRules.requireLength(recurrence.sessionLength(), "recurrence");
        if (recurrence.to().isBefore(recurrence.from())) {
            throw new DomainException("recurrence", "class.error.recurrence-dates");
        }
        var t = term.toTerm();
        if (!t.contains(recurrence.from()) || !t.contains(recurrence.to())) {
            throw new DomainException("recurrence", "class.error.recurrence-outside-term", t.name());
        }
    }

    private TermEntity loadTerm(long termId) {
        return terms.findById(termId).orElseThrow(() -> new NotFoundException("termId"));
    }
}
