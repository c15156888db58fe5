package io.campuscrm.students;

import java.util.List;

import io.campuscrm.shared.domain.DomainException;

/**
 * The entry looks like students or guardians that already exist; nothing was saved. The UI shows the matches and
 * lets the user link to one of them, or repeat the request with "create anyway".
 */
public class PossibleDuplicatesException extends DomainException {

    private final transient List<DuplicateMatch> matches;

    public PossibleDuplicatesException(List<DuplicateMatch> matches) {
        super(null, "duplicates.found", matches.size());
        this.matches = List.copyOf(matches);
    }

    public List<DuplicateMatch> matches() {
        return matches;
    }
}
