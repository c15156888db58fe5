package io.campuscrm.admissions;

import io.campuscrm.shared.domain.DomainException;

/**
 * Someone else claimed the lead from the pool first (a moment ago, or long since): it is theirs now, and this says
 * who.
 */
public class LeadTakenException extends DomainException {

    private final long ownerId;
    private final String ownerName;

    public LeadTakenException(long ownerId, String ownerName) {
        super(null, "lead.pool.error.taken", ownerName);
        this.ownerId = ownerId;
        this.ownerName = ownerName;
    }

    public long ownerId() {
        return ownerId;
    }

    public String ownerName() {
        return ownerName;
    }
}
