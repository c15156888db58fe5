package io.campuscrm.admissions;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.admissions.internal.PoolSettings;
import io.campuscrm.admissions.internal.PoolStore;
import io.campuscrm.institution.Settings;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

/**
 * The rules of taking a lead from the pool (decision 0076), shared by the lead page's claim, a user giving a pool's
 * lead to themselves and the list's bulk action: the campus's cap of open leads per user (N), the wait before a
 * user claims again a lead they released or that was returned from them (H), and of two claims at the same moment
 * exactly one winning, the other told who. Not a service: its callers decide who may call and run the transaction.
 */
@Component
class LeadClaims {

    private final PoolStore pool;
    private final LeadStore leads;
    private final Settings settings;
    private final UserService users;
    private final Clock clock;

    LeadClaims(PoolStore pool, LeadStore leads, Settings settings, UserService users, Clock clock) {
        this.pool = pool;
        this.leads = leads;
        this.settings = settings;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Gives a lead of the pool to the user, who claims it for themselves; on its history.
     *
     * @throws LeadTakenException when someone else has it (claimed at the same moment, or long since)
     * @throws DomainException    when the user holds the campus's cap of open leads, or let this lead go less than
     *                            the campus's cool-down ago, or the lead is closed
     */
    Lead claim(Lead lead, long userId, String username) {
        if (lead.mergedIntoId() != null || !lead.stage().open()) {
            throw new DomainException(null, "lead.error.closed");
        }
        if (lead.ownerId() != null) {
            if (lead.ownerId() == userId) {
                return lead;
            }
            throw taken(lead.ownerId());
        }
        var now = clock.instant();
        pool.lockOwner(userId, now, username);
        int cap = settings.get(PoolSettings.CAP, lead.campusId());
        if (pool.openCountNow(lead.campusId(), userId) >= cap) {
            throw new DomainException(null, "lead.pool.error.cap", cap);
        }
        requireCooledDown(List.of(lead), userId, username);
        if (!pool.claim(lead.id(), userId, now, username)) {
            Long owner = pool.ownerOf(lead.id());
            if (owner == null) {
                // not taken: closed or merged meanwhile
                throw new DomainException(null, "lead.error.closed");
            }
            throw taken(owner);
        }
        leads.event(lead.id(), "CLAIMED", null, String.valueOf(userId), null, now, username);
        return leads.find(lead.id()).orElseThrow(NotFoundException::new);
    }

    /** Refuses a claim of leads of the pool that would take the user past a campus's cap, or back too soon. */
    void requireClaimable(Collection<Lead> fromPool, long userId, String username) {
        var now = clock.instant();
        pool.lockOwner(userId, now, username);
        Map<Long, Long> perCampus = new java.util.HashMap<>();
        for (Lead lead : fromPool) {
            perCampus.merge(lead.campusId(), 1L, Long::sum);
        }
        for (var campus : perCampus.entrySet()) {
            int cap = settings.get(PoolSettings.CAP, campus.getKey());
            if (pool.openCountNow(campus.getKey(), userId) + campus.getValue() > cap) {
                throw new DomainException(null, "lead.pool.error.cap", cap);
            }
        }
        requireCooledDown(fromPool, userId, username);
    }

    /** Refuses the first of these leads the user let go less than its campus's cool-down ago: one statement. */
    private void requireCooledDown(Collection<Lead> leads, long userId, String username) {
        var letGo = pool.lastLetGo(leads.stream().map(Lead::id).toList(), userId, username);
        var now = clock.instant();
        for (Lead lead : leads) {
            var at = letGo.get(lead.id());
            if (at != null) {
                var until = at.plus(settings.get(PoolSettings.COOLDOWN, lead.campusId()));
                if (until.isAfter(now)) {
                    throw cooling(lead, until);
                }
            }
        }
    }

    private DomainException cooling(Lead lead, java.time.Instant until) {
        // whole hours, rounded up: "in 3 hours" rather than a time the reader must work out
        long hours = Math.max(1, (Duration.between(clock.instant(), until).toMinutes() + 59) / 60);
        return new DomainException(null, "lead.pool.error.cooldown", lead.childName(), hours);
    }

    LeadTakenException taken(long ownerId) {
        String name = users.displayNames(List.of(ownerId)).getOrDefault(ownerId, "#" + ownerId);
        return new LeadTakenException(ownerId, name);
    }

    /** The owner's name, for messages: "#id" for an owner since deleted. */
    String ownerName(@Nullable Long ownerId) {
        return ownerId == null ? "" : users.displayNames(List.of(ownerId)).getOrDefault(ownerId, "#" + ownerId);
    }
}
