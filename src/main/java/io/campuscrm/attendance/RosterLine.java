package io.campuscrm.attendance;

import org.jspecify.annotations.Nullable;

/**
 * One line of a roster: the seat, its saved mark (none before attendance is taken), the student's balance in the
 * session's course (null for a guest), and the leave that excuses the student from this session, if any.
 */
public record RosterLine(RosterSeat seat, @Nullable Mark mark, @Nullable PackageBalance balance,
        @Nullable String leaveReason) {
}
