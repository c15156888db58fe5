package io.campuscrm.admissions;

import java.util.List;

import io.campuscrm.shared.domain.DomainException;

/**
 * The lead shares a phone or e-mail with leads, students or guardians the school knows; nothing was saved. The
 * caller shows the matches and may enter it anyway, or link the child to the family found.
 */
public class PossibleDuplicateLeadException extends DomainException {

    private final transient List<LeadMatch> matches;

    public PossibleDuplicateLeadException(List<LeadMatch> matches) {
        super(null, "lead.error.possible-duplicates", matches.size());
        this.matches = List.copyOf(matches);
    }

    public List<LeadMatch> matches() {
        return matches;
    }
}
