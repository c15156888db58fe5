package io.campuscrm.scheduling;

import java.time.LocalDate;
import java.util.List;

/** A term: the dates classes run between, and its holidays and closures (ordered by date). */
public record Term(long id, String name, LocalDate startsOn, LocalDate endsOn, List<TermClosure> closures,
        long version) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
