package io.campuscrm.attendance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.ScheduledSession;

/**
 * A session's roster as the teacher sees it. {@code version} is what a save must quote (0 before attendance is
 * taken); {@code editable} says whether the user may save it now, and if not, {@code lockedKey} says why.
 */
public record Roster(ScheduledSession session, List<RosterLine> lines, long version, @Nullable Instant firstTakenAt,
        @Nullable String updatedBy, @Nullable Instant updatedAt, boolean editable, @Nullable String lockedKey) {

    public Roster {
        lines = List.copyOf(lines);
    }

    public boolean taken() {
        return firstTakenAt != null;
    }
}
