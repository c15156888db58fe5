package io.campuscrm.shared.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the current user may reach, decided once for every module by {@link CurrentUser#scope()}.
 * <ul>
 * <li>the system (start-up, demo data, jobs: {@link SystemAuthentication}) reaches everything;</li>
 * <li>office roles (administrator, admissions, finance) reach their campuses, all of them when they have none;</li>
 * <li>a user who is a teacher and holds no office role reaches only the classes they teach and the students of those
 * classes, wherever they are: teaching a class is what grants it (campus limits are for office work);</li>
 * <li>anyone else — no authentication, an authentication that is not a Campus CRM user, a user without roles —
 * reaches nothing.</li>
 * </ul>
 *
 * @param allCampuses  whether every campus is in reach (the campus list is then empty)
 * @param campusIds    the campuses in reach when {@code allCampuses} is false
 * @param ownClassesOf the teacher's user id when only the classes they teach (and their students) are in reach
 */
public record AccessScope(boolean allCampuses, Set<Long> campusIds, @Nullable Long ownClassesOf) {

    public static final AccessScope EVERYTHING = new AccessScope(true, Set.of(), null);
    public static final AccessScope NOTHING = new AccessScope(false, Set.of(), null);

    public AccessScope {
        campusIds = Set.copyOf(campusIds);
    }

    public static AccessScope campuses(Set<Long> campusIds) {
        return campusIds.isEmpty() ? EVERYTHING : new AccessScope(false, campusIds, null);
    }

    public static AccessScope classesTaughtBy(long teacherUserId) {
        return new AccessScope(true, Set.of(), teacherUserId);
    }

    /** Only a teacher's own classes and students, not whole campuses. */
    public boolean teacherOnly() {
        return ownClassesOf != null;
    }

    /** Whether the campus is in reach as a whole (office work: a teacher reaches classes, not campuses). */
    public boolean seesCampus(long campusId) {
        return !teacherOnly() && (allCampuses || campusIds.contains(campusId));
    }

    /** Whether a class at the campus, taught by these teachers, is in reach. */
    public boolean seesClass(long campusId, java.util.Collection<Long> teacherIds) {
        return teacherOnly() ? teacherIds.contains(ownClassesOf) : seesCampus(campusId);
    }

    /** Nothing at all is in reach: no query needs to run. */
    public boolean seesNothing() {
        return !allCampuses && campusIds.isEmpty() && ownClassesOf == null;
    }
}
