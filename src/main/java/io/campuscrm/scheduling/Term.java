package io.campuscrm.scheduling;

import java.time.LocalDate;
import java.util.List;

/** A term: the dates classes run between, and its holidays and closures (ordered by date). */
public record Term(long id, String name, LocalDate startsOn, LocalDate endsOn, List<TermClosure> closures,
        long version) {

    /** What the term form edits. */
    public TermDraft toDraft() {
        return new TermDraft(name, startsOn, endsOn, closures);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
