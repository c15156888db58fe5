package io.campuscrm.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.ClassChecks;
import io.campuscrm.scheduling.internal.RecurrenceGenerator;
import io.campuscrm.scheduling.internal.ScheduleRules;
import io.campuscrm.scheduling.internal.SessionStore;
import io.campuscrm.scheduling.internal.TeacherEntity;
import io.campuscrm.scheduling.internal.TeacherRepository;
import io.campuscrm.security.UserService;

import jakarta.validation.Valid;

/**
 * A class's schedule as the class editor and page show it, saving nothing: what a recurrence would generate in a
 * term, and where the class's future sessions lie outside its teachers' availability. The sessions themselves are
 * generated when a class is saved ({@link ClassLifecycle}) and changed one by one through {@link SessionService}.
 * Office staff and teachers read, each within their scope.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ClassSchedule {

    private final ScheduleRules rules;
    private final ClassChecks checks;
    private final SessionStore sessions;
    private final TeacherRepository teachers;
    private final UserService users;
    private final Clock clock;

    ClassSchedule(ScheduleRules rules, ClassChecks checks, SessionStore sessions, TeacherRepository teachers,
            UserService users, Clock clock) {
        this.rules = rules;
        this.checks = checks;
        this.sessions = sessions;
        this.teachers = teachers;
        this.users = users;
        this.clock = clock;
    }

    /** What a recurrence would generate in a term, for the editor's live preview. Saves nothing. */
    @PreAuthorize(SchedulingRoles.READERS)
    public SchedulePreview preview(long termId, @Valid Recurrence recurrence) {
        var term = checks.term(termId);
        ClassChecks.requireRecurrence(recurrence, term);
        var schedule = RecurrenceGenerator.generate(recurrence, term.toTerm().closures(), rules.zone());
        var occurrences = schedule.occurrences();
        return new SchedulePreview(occurrences.size(), occurrences.isEmpty() ? null : occurrences.getFirst().date(),
                occurrences.isEmpty() ? null : occurrences.getLast().date(), schedule.skipped(), schedule.rrule());
    }

    /**
     * Where the class's future sessions lie outside its teachers' weekly availability, grouped by teacher, weekday and
     * time. Teachers who entered no availability are not warned about.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public List<AvailabilityWarning> availabilityWarnings(long classId) {
        var details = rules.visibleClass(classId).toDetails();
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
}
