package io.campuscrm.scheduling;

import java.util.List;

/**
 * A teacher's weekly availability; {@code version} guards against stale edits (0 before anything was saved).
 * An empty list means "not entered", not "never available".
 */
public record TeacherAvailability(long userId, List<AvailabilitySlot> slots, long version) {
}
