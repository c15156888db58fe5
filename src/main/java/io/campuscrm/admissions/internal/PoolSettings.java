package io.campuscrm.admissions.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.admissions.LeadRouting;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * The rules of 私海 and 公海 (decision 0076), each a campus may set for itself: where new leads go, how many open leads
 * one user may hold from the pool (N), how long a user who released a lead waits before claiming it again (H), after
 * how many quiet days an owned lead returns to the pool (D, 0: never) and how many days before that its owner is
 * warned (W); and when the return job runs.
 */
@Configuration
public class PoolSettings {

    public static final Setting<LeadRouting> NEW_LEADS = Setting.choice("admissions", "new-leads", LeadRouting.class,
            LeadRouting.POOL).perCampus();
    public static final Setting<Integer> CAP = Setting.integer("admissions", "pool-cap", 100, 1, 10_000).perCampus();
    public static final Setting<Duration> COOLDOWN = Setting.duration("admissions", "pool-reclaim-cooldown",
            Duration.ofHours(24), Duration.ZERO, Duration.ofDays(90)).perCampus();
    public static final Setting<Integer> RETURN_DAYS = Setting.integer("admissions", "pool-return-days", 14, 0, 365)
            .perCampus();
    public static final Setting<Integer> WARNING_DAYS = Setting.integer("admissions", "pool-warning-days", 3, 0, 60)
            .perCampus();
    /** Every hour: a lead returns within the hour it has been quiet for D days. */
    public static final Setting<String> SCHEDULE = Setting.cron("admissions", "pool-return-schedule", "0 5 * * * *");
    public static final Setting<Boolean> ENABLED = Setting.bool("admissions", "pool-return-enabled", true);

    @Bean
    SettingsDeclaration poolSettingsDeclaration() {
        return () -> List.of(NEW_LEADS, CAP, COOLDOWN, RETURN_DAYS, WARNING_DAYS, SCHEDULE, ENABLED);
    }
}
