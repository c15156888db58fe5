package io.campuscrm.shared.jobs;

import java.util.Set;

import io.campuscrm.shared.security.Role;

/**
 * Roles besides the administrator that watch a Spring Batch job on the Jobs screen and may restart, stop or start
 * it (finance for reconciliation). A module declares one bean per such job; a job without one is the
 * administrator's alone.
 *
 * @param jobName the Batch job's name
 */
public record BatchJobAudience(String jobName, Set<Role> roles) {

    public BatchJobAudience {
        roles = Set.copyOf(roles);
    }
}
