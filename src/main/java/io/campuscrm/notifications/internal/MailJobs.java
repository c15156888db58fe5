package io.campuscrm.notifications.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.jobs.JobResult;
import io.campuscrm.shared.jobs.ScheduledJob;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * The outbox's sender as a scheduled job (on the Jobs screen, once across nodes): every minute by default, a batch
 * of due messages; with mail off it says so and sends nothing.
 */
@Configuration
class MailJobs {

    static final Setting<String> SEND_SCHEDULE = Setting.cron("notifications", "send-schedule", "0 * * * * *");
    static final Setting<Boolean> SEND_ENABLED = Setting.bool("notifications", "send-enabled", true);

    @Bean
    SettingsDeclaration mailJobSettings() {
        return () -> List.of(SEND_SCHEDULE, SEND_ENABLED);
    }

    @Bean
    ScheduledJob sendMail(OutboxSender sender) {
        return ScheduledJob.of("notifications.send-mail", SEND_SCHEDULE, SEND_ENABLED, () -> sender.mailOn()
                ? JobResult.of("job.result.mail-sent", sender.sendBatch()) : JobResult.of("job.result.mail-off"));
    }
}
