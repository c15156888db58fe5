package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One line of a package's history: a ledger row (consumed, reversed, expired, and owed lessons later paid from it)
 * or an event (created, frozen, extended, warned). {@code kind} names it: {@code package.entry.<kind>}.
 */
public record PackageEntry(Instant occurredAt, String kind, @Nullable BigDecimal quantity, @Nullable BigDecimal value,
        @Nullable LocalDate sessionDate, @Nullable LocalDate fromDate, @Nullable LocalDate toDate,
        @Nullable String note, @Nullable String actor) {
}
