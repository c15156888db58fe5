package io.campuscrm.attendance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;

/** What the nightly package job reads and writes besides the ledger: the packages due and their events. */
@Component
class ExpiryStore {

    private final NamedParameterJdbcTemplate jdbc;

    ExpiryStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The packages {@link Ledger#expire} takes next, locked: the same condition, order and limit, so that in one
     * transaction the two name the same packages and the job can write each one's event.
     */
    List<Long> dueForExpiry(LocalDate today, int limit) {
        return jdbc.queryForList("""
                SELECT id FROM lesson_package
                WHERE expires_on < :today AND (status = 'ACTIVE' OR consumed < quantity)
                ORDER BY id LIMIT :limit FOR UPDATE""",
                new MapSqlParameterSource("today", today).addValue("limit", limit), Long.class);
    }

    /** An EXPIRED event for each package, dated the day it expired: one statement. */
    void expired(List<Long> ids, Instant now, String actor) {
        insertEvents("'EXPIRED', expires_on, NULL", ids, null, now, actor);
    }

    /** A WARNED event for each package: warned on {@code today} about its expiry. One statement. */
    void warned(List<Long> ids, LocalDate today, Instant now, String actor) {
        insertEvents("'WARNED', :today, expires_on", ids, today, now, actor);
    }

    private void insertEvents(String kindAndDates, List<Long> ids, @Nullable LocalDate today, Instant now,
            String actor) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO lesson_package_event (package_id, kind, from_date, to_date, note, occurred_at, actor)"
                + " SELECT id, " + kindAndDates + ", NULL, :now, :actor FROM lesson_package WHERE id IN (:ids)"
                + " ORDER BY id", new MapSqlParameterSource("ids", ids).addValue("today", today, java.sql.Types.DATE)
                        .addValue("now", UtcDateTime.of(now)).addValue("actor", actor));
    }
}
