package io.campuscrm.admissions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.internal.PoolSettings;
import io.campuscrm.admissions.internal.PoolStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.security.Assignee;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;

/**
 * The round of a campus's new leads (decision 0076): where its setting says {@link LeadRouting#ROUND_ROBIN}, each new
 * lead nobody took goes to the next of the campus's enabled admissions users after the one who had the last, by id,
 * skipping those away that day and those holding their cap of open leads; when nobody is left it goes to the pool.
 * The campus's round is locked while it is handed out, so that two leads at once go to two users. A fixed number of
 * statements per campus, whatever the number of leads. Not a service: its callers decide who may call.
 */
@Component
class LeadRounds {

    private final PoolStore store;
    private final Settings settings;
    private final UserService users;
    private final InstitutionService institution;
    private final Clock clock;

    LeadRounds(PoolStore store, Settings settings, UserService users, InstitutionService institution, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.users = users;
        this.institution = institution;
        this.clock = clock;
    }

    /** Who takes the campus's next new lead: a user, or null for the pool. */
    @Nullable
    Long next(long campusId) {
        return next(campusId, 1).getFirst();
    }

    /**
     * Who takes each of the campus's next {@code count} new leads, in order (null: the pool). Must run in the
     * transaction that saves them.
     */
    List<@Nullable Long> next(long campusId, int count) {
        if (count == 0 || settings.get(PoolSettings.NEW_LEADS, campusId) != LeadRouting.ROUND_ROBIN) {
            return Collections.nCopies(count, null);
        }
        var now = clock.instant();
        Long last = store.lockRound(campusId, now);
        var team = users.workingAt(Role.ADMISSIONS, campusId).stream().map(Assignee::id).toList();
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var away = store.awayOn(team, today);
        var present = team.stream().filter(id -> !away.contains(id)).toList();
        var held = store.openCounts(campusId, present);
        int cap = settings.get(PoolSettings.CAP, campusId);
        // the turn starts after the last one given a lead
        int start = 0;
        if (last != null) {
            while (start < present.size() && present.get(start) <= last) {
                start++;
            }
        }
        long[] counts = new long[present.size()];
        for (int i = 0; i < present.size(); i++) {
            counts[i] = held.getOrDefault(present.get(i), 0L);
        }
        List<@Nullable Long> owners = new ArrayList<>(count);
        Long given = null;
        int turn = start;
        for (int n = 0; n < count; n++) {
            Long owner = null;
            for (int tried = 0; tried < present.size(); tried++) {
                int i = (turn + tried) % present.size();
                if (counts[i] < cap) {
                    owner = present.get(i);
                    counts[i]++;
                    turn = i + 1;
                    break;
                }
            }
            owners.add(owner);
            if (owner != null) {
                given = owner;
            }
        }
        if (given != null) {
            store.setRound(campusId, given, now);
        }
        return owners;
    }
}
