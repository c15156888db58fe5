package io.campuscrm.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.ClassDraft;
import io.campuscrm.scheduling.ClassSessionsRegenerated;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.SessionCancelled;
import io.campuscrm.scheduling.TermClosure;

/**
 * Makes a class's sessions follow the class, in the transaction that saves it, and refuses the change when they
 * clash (so a refused change leaves nothing behind). The caller has validated the draft and taken the locks.
 */
@Component
public class ClassSessions {

    private final ScheduleWriter writer;
    private final SessionStore sessions;
    private final ClashFinder clashes;
    private final ScheduleRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClassSessions(ScheduleWriter writer, SessionStore sessions, ClashFinder clashes, ScheduleRules rules,
            ApplicationEventPublisher events, Clock clock) {
        this.writer = writer;
        this.sessions = sessions;
        this.clashes = clashes;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the class has any sessions yet (then its campus is fixed). */
    public boolean exist(long classId) {
        return sessions.classHasSessions(classId);
    }

    /** A new class's sessions, when its status has any: every session of its rule, taught by its teachers. */
    public void generate(long classId, ClassDraft draft, List<TermClosure> closures) {
        if (draft.status().schedulable()) {
            writer.regenerate(classId, draft.roomId(), draft.recurrence(), closures, rules.zone(), clock.instant());
            sessions.addTeachersWhereMissing(classId, Instant.EPOCH, draft.teacherIds());
            ScheduleRules.refuse(clashes.inClass(classId, Instant.EPOCH), "recurrence");
        }
    }

    /**
     * After a change from {@code before} to {@code draft}: the future sessions are regenerated from the rule (held
     * and past sessions untouched, moved and added ones kept), given the class's teachers when they changed, and
     * cancelled when the class is (each publishing {@link SessionCancelled}); a regeneration that changed anything
     * publishes {@link ClassSessionsRegenerated}.
     */
    public void follow(long classId, ClassDraft before, ClassDraft draft, List<TermClosure> closures) {
        var now = clock.instant();
        if (draft.status() == ClassStatus.CANCELLED && before.status() != ClassStatus.CANCELLED) {
            String reason = "Class cancelled";
            for (var s : sessions.cancelFrom(classId, now, reason)) {
                events.publishEvent(new SessionCancelled(s.id(), classId, s.date(), s.startsLocal(), s.endsLocal(),
                        s.startAt(), s.endAt(), reason, true));
            }
        } else if (draft.status().schedulable()) {
            var result = writer.regenerate(classId, draft.roomId(), draft.recurrence(), closures, rules.zone(), now);
            if (result.added() + result.changed() + result.removed() > 0) {
                events.publishEvent(new ClassSessionsRegenerated(classId, now, result.added(), result.changed(),
                        result.removed()));
            }
        }
        if (!before.teacherIds().equals(draft.teacherIds())) {
            sessions.replaceTeachers(classId, now, draft.teacherIds());
        } else {
            sessions.addTeachersWhereMissing(classId, now, draft.teacherIds());
        }
        sessions.refreshTeachersOfClass(classId);
        ScheduleRules.refuse(clashes.inClass(classId, now), "recurrence");
    }
}
