package io.campuscrm.attendance.internal;

import java.util.Set;

/**
 * The campuses a report reads, as SQL conditions on a campus column: every campus (packages of students without one
 * included), or these ({@code :campuses}).
 */
public record CampusReach(boolean all, Set<Long> ids) {

    public CampusReach {
        ids = Set.copyOf(ids);
    }

    public static CampusReach everywhere() {
        return new CampusReach(true, Set.of());
    }

    public static CampusReach only(Set<Long> ids) {
        return new CampusReach(false, ids);
    }

    public boolean none() {
        return !all && ids.isEmpty();
    }

    public boolean contains(@org.jspecify.annotations.Nullable Long campusId) {
        return all || (campusId != null && ids.contains(campusId));
    }

    /** {@code " AND <column> IN (:campuses)"}, or nothing for every campus. */
    String condition(String column) {
        return all ? "" : " AND " + column + " IN (:campuses)";
    }
}
