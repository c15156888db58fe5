/**
 * Scheduled jobs, declared by the module that owns the work: a {@link io.campuscrm.shared.jobs.ScheduledJob} bean
 * names its schedule and on/off switch as settings of its module; the platform module runs each once across nodes
 * (a lock in the database), as the system, keeps its run history and shows it on the Jobs screen. A module whose
 * Spring Batch job finance may watch says so with a {@link io.campuscrm.shared.jobs.BatchJobAudience} bean.
 */
@NullMarked
package io.campuscrm.shared.jobs;

import org.jspecify.annotations.NullMarked;
