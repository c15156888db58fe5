package io.campuscrm.admissions.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;

/**
 * Admissions' scheduled jobs: every morning by default ({@link DigestSettings#SCHEDULE}), each user who asked for it
 * gets an e-mail of their follow-ups due that day or overdue ({@link FollowUpDigest}, decision 0072); every hour,
 * quiet leads go back to their campus's pool, their owners warned some days before ({@link PoolReturn}, decision
 * 0076).
 */
@Configuration
class AdmissionsJobs {

    @Bean
    ScheduledJob followUpDigestJob(FollowUpDigest digest) {
        return ScheduledJob.of("admissions.follow-up-digest", DigestSettings.SCHEDULE, DigestSettings.ENABLED, () -> {
            var result = digest.run();
            return JobResult.of("job.result.follow-up-digests", result.sent(), result.withDue());
        });
    }

    @Bean
    ScheduledJob poolReturnJob(PoolReturn pool) {
        return ScheduledJob.of("admissions.pool-return", PoolSettings.SCHEDULE, PoolSettings.ENABLED, () -> {
            var result = pool.run();
            return JobResult.of("job.result.pool-return", result.returned(), result.warnedLeads(),
                    result.warnedOwners());
        });
    }
}
