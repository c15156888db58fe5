package io.campuscrm.admissions.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;

/**
 * Admissions' scheduled job (decision 0072): every morning by default ({@link DigestSettings#SCHEDULE}), each user who
 * asked for it gets an e-mail of their follow-ups due that day or overdue ({@link FollowUpDigest}).
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
}
