package io.campuscrm.scheduling;

import java.time.LocalDate;

/** A date the recurrence rule falls on but no session is generated, because of a holiday or closure. */
public record SkippedDate(LocalDate date, String closureName) {
}
