package io.campuscrm.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * The lock that makes a scheduled job run once across nodes: ShedLock's row per job in {@code shedlock} (V31), its
 * times taken from the database's clock, so nodes whose clocks differ agree on who holds it (decision 0063).
 */
@Configuration
class JobLocks {

    @Bean
    LockProvider jobLockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc)
                .usingDbTime().build());
    }

    @Bean
    LockingTaskExecutor jobLockingExecutor(LockProvider jobLockProvider) {
        return new DefaultLockingTaskExecutor(jobLockProvider);
    }
}
