package io.campuscrm.attendance.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;

/**
 * Attendance's scheduled job (decision 0063): at night by default ({@link AttendanceSettings#EXPIRY_SCHEDULE}),
 * packages past their expiry are expired and those expiring soon warned about ({@link PackageExpiry}).
 */
@Configuration
class AttendanceJobs {

    @Bean
    ScheduledJob expirePackages(PackageExpiry expiry) {
        return ScheduledJob.of("attendance.expire-packages", AttendanceSettings.EXPIRY_SCHEDULE,
                AttendanceSettings.EXPIRY_ENABLED, () -> {
                    var result = expiry.run();
                    return JobResult.of("job.result.packages-expired", result.expired(), result.warned(),
                            result.emails());
                });
    }
}
