package io.campuscrm.scheduling.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassDraft;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

/**
 * What a class draft must satisfy before it is saved (a unique code, a known course, a campus of the user's, a term,
 * a usable room, teachers, a recurrence inside the term), and the term and recurrence checks the schedule preview
 * shares with it.
 */
@Component
public class ClassChecks {

    private final SchoolClassRepository classes;
    private final CourseRepository courses;
    private final TermRepository terms;
    private final RoomRepository rooms;
    private final ScheduleRules rules;
    private final SchedulingAccess access;
    private final InstitutionService institution;

    ClassChecks(SchoolClassRepository classes, CourseRepository courses, TermRepository terms, RoomRepository rooms,
            ScheduleRules rules, SchedulingAccess access, InstitutionService institution) {
        this.classes = classes;
        this.courses = courses;
        this.terms = terms;
        this.rooms = rooms;
        this.rules = rules;
        this.access = access;
        this.institution = institution;
    }

    /**
     * Checks a new class ({@code existing} null) or a changed one.
     *
     * @return the class's term
     */
    public TermEntity validate(ClassDraft draft, @Nullable SchoolClassEntity existing) {
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
        var term = term(draft.termId());
        rules.usableRoom(draft.roomId(), draft.campusId(), draft.capacity(), "roomId");
        rules.requireTeachers(draft.teacherIds(), "teacherIds");
        if (draft.recurrence() != null) {
            requireRecurrence(draft.recurrence(), term);
        }
        return term;
    }

    /** Refuses a capacity or room that seats fewer than the {@code enrolled} students the class already has. */
    public void requirePlacesFor(int enrolled, ClassDraft draft) {
        if (Math.min(draft.capacity(), rooms.findById(draft.roomId()).orElseThrow().getCapacity()) < enrolled) {
            throw new DomainException("capacity", "enrollment.error.below-enrolled", enrolled);
        }
    }

    public TermEntity term(long termId) {
        return terms.findById(termId).orElseThrow(() -> new NotFoundException("termId"));
    }

    /** A valid session length, and a date range inside the term. */
    public static void requireRecurrence(Recurrence recurrence, TermEntity term) {
        ScheduleRules.requireLength(recurrence.sessionLength(), "recurrence");
        if (recurrence.to().isBefore(recurrence.from())) {
            throw new DomainException("recurrence", "class.error.recurrence-dates");
        }
        var t = term.toTerm();
        if (!t.contains(recurrence.from()) || !t.contains(recurrence.to())) {
            throw new DomainException("recurrence", "class.error.recurrence-outside-term", t.name());
        }
    }
}
