package io.campuscrm.scheduling;

import java.time.Instant;

/**
 * A changed class regenerated its sessions from its rule: of the generated sessions starting at or after {@code from}
 * that were not held, {@code added} are new, {@code changed} took new times or a new room and {@code removed} are gone.
 * One event for the class rather than one per session: a rule change touches many sessions at once, and a listener
 * (attendance's expected lessons, billing's charges per lesson) reads the class's sessions from {@code from} again
 * through {@link SessionService}. Published only when something changed; a class's first sessions, generated when it
 * is created, publish nothing (nobody is enrolled yet).
 */
public record ClassSessionsRegenerated(long classId, Instant from, int added, int changed, int removed) {
}
