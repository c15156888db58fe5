package io.campuscrm.scheduling;

import java.util.List;

import io.campuscrm.shared.domain.DomainException;

/**
 * A clash found in the schedule: the message key and its arguments (already formatted in the institution's locale
 * and time zone) name who or what, when, and which class, e.g. "Room 201 is already used by class ENG-B1-A
 * (Wednesday, 4 March 2026, 16:00–17:30)".
 */
public record ScheduleClash(ClashKind kind, long otherSessionId, long otherClassId, String messageKey,
        List<String> arguments) {

    /** The refusal to throw; {@code field} is the form field to show it on. */
    public DomainException toException(String field) {
        return new DomainException(field, messageKey, arguments.toArray());
    }
}
