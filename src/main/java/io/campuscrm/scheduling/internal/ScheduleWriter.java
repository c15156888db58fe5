package io.campuscrm.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.SessionOrigin;
import io.campuscrm.scheduling.TermClosure;

/**
 * Brings a class's sessions in line with its recurrence rule.
 * <p>
 * The first generation writes every session of the rule. Later ones touch only sessions that start at or after the
 * cut-off (now) and were not held, and only generated ones: a generated session whose date the rule still produces
 * keeps its id and takes the new times and room (a cancelled one stays cancelled); one whose date the rule no longer
 * produces is deleted; a date without a session gets a new one. A date is not generated again when a held session,
 * a past session or a moved session already stands for it. Moved and added sessions are kept as they are.
 */
@Component
public class ScheduleWriter {

    private final SessionStore store;

    ScheduleWriter(SessionStore store) {
        this.store = store;
    }

    /** What changed, for the audit log. */
    public record Result(int added, int changed, int removed) {
    }

    public Result regenerate(long classId, long roomId, @Nullable Recurrence recurrence, List<TermClosure> closures,
            ZoneId zone, Instant now) {
        boolean first = !store.classHasSessions(classId);
        Instant cutoff = first ? Instant.EPOCH : now;
        List<SessionRow> all = first ? List.of() : store.findByClassFrom(classId, Instant.EPOCH);
        Set<LocalDate> covered = new HashSet<>();
        Map<LocalDate, SessionRow> replaceable = new HashMap<>();
        for (SessionRow s : all) {
            if (s.occurrenceDate() == null) {
                continue;
            }
            boolean untouchable = s.held() || s.startAt().isBefore(cutoff) || s.origin() == SessionOrigin.MOVED;
            if (untouchable) {
                covered.add(s.occurrenceDate());
            } else if (s.origin() == SessionOrigin.GENERATED) {
                replaceable.put(s.occurrenceDate(), s);
            }
        }
        List<SessionStore.NewSession> inserts = new ArrayList<>();
        Map<Long, Occurrence> retimes = new HashMap<>();
        List<Occurrence> occurrences = recurrence == null ? List.of()
                : RecurrenceGenerator.generate(recurrence, closures, zone).occurrences();
        for (Occurrence o : occurrences) {
            if (o.startAt().isBefore(cutoff) || covered.contains(o.date())) {
                continue;
            }
            SessionRow existing = replaceable.remove(o.date());
            if (existing == null) {
                inserts.add(new SessionStore.NewSession(classId, o, roomId, SessionOrigin.GENERATED, o.date()));
            } else if (!existing.startAt().equals(o.startAt()) || !existing.endAt().equals(o.endAt())
                    || existing.roomId() != roomId) {
                retimes.put(existing.id(), o);
            }
        }
        store.delete(replaceable.values().stream().map(SessionRow::id).toList());
        List<SessionRow> toRetime = all.stream().filter(s -> retimes.containsKey(s.id())).toList();
        store.retime(toRetime, s -> retimes.get(s.id()), roomId);
        store.insert(inserts);
        return new Result(inserts.size(), toRetime.size(), replaceable.size());
    }
}
