package io.campuscrm.scheduling.internal;

import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;

/**
 * What the signed-in user may see of the schedule. Office roles (administrator, admissions, finance) see their
 * campuses (all when they have none); a user who is only a teacher sees the classes they teach, wherever they are.
 * Work without a signed-in user (the system) sees everything.
 */
@Component
public class SchedulingAccess {

    /** Bound for "in :campusIds" when every campus is allowed, so the list is never empty. */
    private static final Set<Long> NO_CAMPUS = Set.of(-1L);

    private final CurrentUser currentUser;

    SchedulingAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /**
     * @param campusIds    the campuses the user may see, when {@code allCampuses} is false
     * @param ownTeacherId the user's id when they may only see the classes they teach
     */
    public record Scope(boolean allCampuses, Set<Long> campusIds, @Nullable Long ownTeacherId) {

        public Collection<Long> campusIdsOrNone() {
            return allCampuses || campusIds.isEmpty() ? NO_CAMPUS : campusIds;
        }

        public boolean seesCampus(long campusId) {
            return allCampuses || campusIds.contains(campusId);
        }

        public boolean seesClass(long campusId, Collection<Long> teacherIds) {
            return ownTeacherId == null ? seesCampus(campusId) : teacherIds.contains(ownTeacherId);
        }
    }

    public Scope scope() {
        var principal = currentUser.principal();
        if (principal.isEmpty()) {
            return new Scope(true, Set.of(), null);
        }
        CampusPrincipal p = principal.get();
        boolean office = p.roles().contains(Role.ADMIN) || p.roles().contains(Role.ADMISSIONS)
                || p.roles().contains(Role.FINANCE);
        if (!office) {
            return new Scope(true, Set.of(), p.userId());
        }
        return new Scope(p.campusIds().isEmpty(), Set.copyOf(p.campusIds()), null);
    }

    /** Refuses work on a campus outside the user's campuses. */
    public void requireCampus(long campusId) {
        if (!scope().seesCampus(campusId)) {
            throw new AccessDeniedException("Campus " + campusId + " is not one of the user's campuses");
        }
    }

    public void requireClass(long campusId, Collection<Long> teacherIds) {
        if (!scope().seesClass(campusId, teacherIds)) {
            throw new AccessDeniedException("Not one of the user's classes");
        }
    }
}
