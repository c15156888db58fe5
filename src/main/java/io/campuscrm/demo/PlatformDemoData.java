package io.campuscrm.demo;

import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

import io.campuscrm.platform.JobService;
import io.campuscrm.platform.ScheduledJobInfo;

/**
 * The Jobs screen's first lines: every scheduled job runs once when the demo is made, for real (mail is off in the
 * demo, so the mail job says so), and the school's jobs then run on their schedules.
 */
@Component
class PlatformDemoData implements DemoDataStep {

    private final JobService jobs;

    PlatformDemoData(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        for (ScheduledJobInfo job : jobs.scheduledJobs()) {
            jobs.runAndWait(job.name());
        }
    }
}
