package io.campuscrm.scheduling;

import java.time.LocalDate;

/**
 * How many sessions a day has, across every campus, for the administrators' dashboard.
 *
 * @param date      the day, in the institution's time zone
 * @param scheduled sessions that take place
 * @param cancelled sessions cancelled that day
 */
public record DaySessions(LocalDate date, long scheduled, long cancelled) {
}
