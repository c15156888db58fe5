package io.campuscrm.scheduling.internal;

import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.AccessScope;
import io.campuscrm.shared.security.CurrentUser;

/**
 * What the signed-in user may see of the schedule, by the one shared rule ({@link CurrentUser#scope()}): office roles
 * see their campuses, a teacher the classes they teach, the system everything, anyone else nothing. A class or room
 * outside the scope answers exactly like a missing one.
 */
@Component
public class SchedulingAccess {

    /** Bound for "in :campusIds" when no campus is allowed, so the list is never empty. */
    private static final Set<Long> NO_CAMPUS = Set.of(-1L);

    private final CurrentUser currentUser;

    SchedulingAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /**
     * @param allCampuses  whether classes of every campus are visible (a teacher's are then narrowed to their own)
     * @param campusIds    the campuses the user may see, when {@code allCampuses} is false
     * @param ownTeacherId the user's id when they may only see the classes they teach
     */
    public record Scope(boolean allCampuses, Set<Long> campusIds, @Nullable Long ownTeacherId) {

        static Scope of(AccessScope access) {
            return new Scope(access.allCampuses(), access.campusIds(), access.ownClassesOf());
        }

        public Collection<Long> campusIdsOrNone() {
            return allCampuses || campusIds.isEmpty() ? NO_CAMPUS : campusIds;
        }

        /** Office work on a whole campus (its rooms, its timetable); a teacher has none. */
        public boolean seesCampus(long campusId) {
            return ownTeacherId == null && (allCampuses || campusIds.contains(campusId));
        }

        /**
         * Reading what a campus has (its rooms): office roles of the campus, and teachers, whose classes may be
         * anywhere. Rooms are places, not records about people.
         */
        public boolean readsCampus(long campusId) {
            return allCampuses || campusIds.contains(campusId);
        }

        public boolean seesClass(long campusId, Collection<Long> teacherIds) {
            return ownTeacherId == null ? seesCampus(campusId) : teacherIds.contains(ownTeacherId);
        }
    }

    public Scope scope() {
        return Scope.of(currentUser.scope());
    }

    /** Refuses a campus outside the user's campuses as if it did not exist. */
    public void requireCampus(long campusId) {
        requireCampus(campusId, null);
    }

    /** The same, naming the form field that chose the campus. */
    public void requireCampus(long campusId, @Nullable String field) {
        if (!scope().seesCampus(campusId)) {
            throw new NotFoundException(field);
        }
    }

    /** Refuses reading a campus's rooms outside the user's scope as if the campus did not exist. */
    public void requireReadableCampus(long campusId) {
        if (!scope().readsCampus(campusId)) {
            throw new NotFoundException();
        }
    }

    /** Refuses a class outside the user's scope as if it did not exist. */
    public void requireClass(long campusId, Collection<Long> teacherIds) {
        if (!scope().seesClass(campusId, teacherIds)) {
            throw new NotFoundException();
        }
    }
}
