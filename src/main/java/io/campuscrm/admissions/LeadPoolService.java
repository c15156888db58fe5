package io.campuscrm.admissions;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.PoolReturn;
import io.campuscrm.admissions.internal.PoolSettings;
import io.campuscrm.admissions.internal.PoolStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;

/**
 * 私海 and 公海 (decision 0076): an admissions user claims a lead from their campus's pool (within the campus's cap, not
 * straight back after letting it go, one winner of two at the same moment) and releases their own back to it; says
 * when they are away, so that the round of new leads passes them by; administrators see each campus's team and set
 * anyone's days away. The return of quiet leads is the job {@code admissions.pool-return}. Claims run read-committed:
 * after waiting for the claimant's lock, the cap counts what the claimant took meanwhile.
 */
@Service
@Transactional(readOnly = true)
public class LeadPoolService {

    private final LeadService leads;
    private final LeadClaims claims;
    private final PoolStore pool;
    private final Settings settings;
    private final UserService users;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final PoolReturn poolReturn;
    private final Clock clock;

    LeadPoolService(LeadService leads, LeadClaims claims, PoolStore pool, Settings settings,
            UserService users, InstitutionService institution, CurrentUser currentUser, PoolReturn poolReturn,
            Clock clock) {
        this.poolReturn = poolReturn;
        this.leads = leads;
        this.claims = claims;
        this.pool = pool;
        this.settings = settings;
        this.users = users;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A campus's rules of the pool, as its settings say: for the screens that explain them. */
    public record PoolRules(LeadRouting newLeads, int cap, Duration cooldown, int returnDays, int warningDays) {
    }

    @PreAuthorize(AdmissionsRoles.LEADS)
    public PoolRules rules(long campusId) {
        if (!currentUser.scope().seesCampus(campusId)) {
            throw new NotFoundException();
        }
        return new PoolRules(settings.get(PoolSettings.NEW_LEADS, campusId), settings.get(PoolSettings.CAP, campusId),
                settings.get(PoolSettings.COOLDOWN, campusId), settings.get(PoolSettings.RETURN_DAYS, campusId),
                settings.get(PoolSettings.WARNING_DAYS, campusId));
    }

    /**
     * The signed-in admissions user claims a lead of their campus's pool: it is theirs, on its history.
     *
     * @throws LeadTakenException when someone else has it (of two claims at the same moment, the second)
     * @throws DomainException    at the campus's cap of open leads, within the cool-down after letting this lead
     *                            go, or when the lead is closed
     * @throws NotFoundException  for a lead of another campus, as for a missing one
     */
    @PreAuthorize("hasRole('ADMISSIONS')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Lead claim(long id) {
        var lead = leads.get(id);
        long me = currentUser.principal().map(p -> p.userId()).orElseThrow(NotFoundException::new);
        return claims.claim(lead, me, currentUser.username());
    }

    /**
     * Gives the lead back to its campus's pool: the owner their own, an administrator anyone's. The user who releases
     * it waits the campus's cool-down before claiming it again.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Lead release(long id, long version) {
        var lead = leads.get(id);
        if (lead.ownerId() == null) {
            return lead;
        }
        return leads.assign(id, version, null);
    }

    /** A member of a campus's admissions team: their open leads there, and their days away. */
    public record TeamMember(long userId, String displayName, long openLeads, @Nullable LocalDate awayFrom,
            @Nullable LocalDate awayUntil, boolean awayToday, long version) {
    }

    /** The campus's enabled admissions users, by name, with their open leads and their days away: three statements. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<TeamMember> team(long campusId) {
        if (!currentUser.scope().seesCampus(campusId)) {
            throw new NotFoundException();
        }
        var members = users.workingAt(Role.ADMISSIONS, campusId);
        var ids = members.stream().map(m -> m.id()).toList();
        var counts = pool.openCounts(campusId, ids);
        var away = pool.away(ids);
        var today = today();
        return members.stream().map(m -> {
            var a = away.get(m.id());
            boolean awayToday = a != null && a.from() != null && a.until() != null && !today.isBefore(a.from())
                    && !today.isAfter(a.until());
            return new TeamMember(m.id(), m.displayName(), counts.getOrDefault(m.id(), 0L),
                    a == null ? null : a.from(), a == null ? null : a.until(), awayToday, a == null ? 0 : a.version());
        }).sorted(java.util.Comparator.comparing(TeamMember::displayName)).toList();
    }

    /** Whether new leads go round the team at one of the signed-in user's campuses (their days away matter then). */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public boolean inRound() {
        var scope = currentUser.scope();
        var campuses = scope.allCampuses() ? institution.campuses().stream().map(c -> c.id()).toList()
                : List.copyOf(scope.campusIds());
        return campuses.stream().anyMatch(c -> settings.get(PoolSettings.NEW_LEADS, c) == LeadRouting.ROUND_ROBIN);
    }

    /** The signed-in user's days away, or none: what they said last. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public TeamMember mine() {
        long me = currentUser.principal().map(p -> p.userId()).orElseThrow(NotFoundException::new);
        var a = pool.away(List.of(me)).get(me);
        var today = today();
        boolean awayToday = a != null && a.from() != null && a.until() != null && !today.isBefore(a.from())
                && !today.isAfter(a.until());
        return new TeamMember(me, currentUser.username(), 0, a == null ? null : a.from(), a == null ? null : a.until(),
                awayToday, a == null ? 0 : a.version());
    }

    /**
     * Says when the user is away (both days included), or back (both null): the round of new leads passes them by
     * on those days. A user says it for themselves; an administrator for anyone of the team.
     *
     * @throws DomainException    on {@code awayUntil} when it is before {@code awayFrom}, or only one is given
     * @throws StaleEditException when someone changed them since {@code version}
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public void setAway(long userId, long version, @Nullable LocalDate awayFrom, @Nullable LocalDate awayUntil) {
        long me = currentUser.principal().map(p -> p.userId()).orElse(-1L);
        if (userId != me) {
            if (!currentUser.hasRole(Role.ADMIN)) {
                throw new NotFoundException();
            }
            users.get(userId);
        }
        if ((awayFrom == null) != (awayUntil == null)) {
            throw new DomainException(awayFrom == null ? "awayFrom" : "awayUntil", "lead.away.error.both");
        }
        if (awayFrom != null && awayUntil.isBefore(awayFrom)) {
            throw new DomainException("awayUntil", "lead.away.error.order");
        }
        if (!pool.setAway(userId, version, awayFrom, awayUntil, clock.instant(), currentUser.username())) {
            throw new StaleEditException(currentUser.username(), clock.instant());
        }
    }

    /** What a return of quiet leads did: leads returned to the pools, leads whose owners were warned. */
    public record ReturnResult(int returned, int warned) {
    }

    /**
     * Returns the quiet leads of every campus to its pool now, warning the owners of those that will return soon:
     * what the job {@code admissions.pool-return} does every hour, for the system (the demo's data, settled).
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public ReturnResult returnQuietLeads() {
        var result = poolReturn.run();
        return new ReturnResult(result.returned(), result.warnedLeads());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(institution.settings().timeZone()));
    }
}
