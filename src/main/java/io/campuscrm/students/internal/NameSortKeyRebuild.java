package io.campuscrm.students.internal;

import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A Spring Batch job an administrator starts from the Jobs screen: every student's name sort keys computed again,
 * after ICU's collation rules changed with an upgrade or a key was written wrongly (decision 0058). It reads the
 * students in id order a page at a time and writes the keys a chunk per transaction; a run that failed or was
 * stopped restarts after the last chunk it committed (the reader keeps its place in the step's context). Derived
 * data: neither the version nor the updated time changes.
 */
@Configuration
class NameSortKeyRebuild {

    static final String JOB = "students.rebuild-name-sort-keys";
    static final int CHUNK = 500;

    @Bean
    Job rebuildNameSortKeys(JobRepository repository, Step rebuildNameSortKeysStep) {
        return new JobBuilder(JOB, repository).start(rebuildNameSortKeysStep).build();
    }

    @Bean
    Step rebuildNameSortKeysStep(JobRepository repository, PlatformTransactionManager transactions,
            DataSource dataSource) throws Exception {
        return new StepBuilder(JOB + ".students", repository)
                .<Name, Keys>chunk(CHUNK).transactionManager(transactions)
                .reader(reader(dataSource))
                .processor(name -> new Keys(name.id(), NameSortKeys.english(name.fullName()),
                        NameSortKeys.chinese(name.fullName(), name.chineseName())))
                .writer(writer(dataSource))
                .build();
    }

    private static JdbcPagingItemReader<Name> reader(DataSource dataSource) throws Exception {
        return new JdbcPagingItemReaderBuilder<Name>().name("students").dataSource(dataSource)
                .selectClause("SELECT id, full_name, chinese_name").fromClause("FROM student")
                .sortKeys(Map.of("id", Order.ASCENDING)).pageSize(CHUNK)
                .rowMapper((rs, n) -> new Name(rs.getLong(1), rs.getString(2), rs.getString(3))).build();
    }

    private static JdbcBatchItemWriter<Keys> writer(DataSource dataSource) {
        return new JdbcBatchItemWriterBuilder<Keys>().dataSource(dataSource)
                .sql("UPDATE student SET name_sort_en = ?, name_sort_zh = ? WHERE id = ?")
                .itemPreparedStatementSetter((keys, ps) -> {
                    ps.setBytes(1, keys.english());
                    ps.setBytes(2, keys.chinese());
                    ps.setLong(3, keys.id());
                }).assertUpdates(false).build();
    }

    record Name(long id, String fullName, @Nullable String chineseName) {
    }

    record Keys(long id, byte[] english, byte[] chinese) {
    }
}
