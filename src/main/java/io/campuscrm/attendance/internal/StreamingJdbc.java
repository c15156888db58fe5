package io.campuscrm.attendance.internal;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * JDBC for the reports' scans: the driver hands rows over in batches instead of reading the whole result first
 * (MariaDB Connector/J streams with a fetch size), so a scan of every package takes no more memory than a batch.
 * Joins the current transaction like any JdbcTemplate; a callback must not run other statements while it streams.
 */
final class StreamingJdbc {

    private static final int FETCH_SIZE = 500;

    private StreamingJdbc() {
    }

    static NamedParameterJdbcTemplate over(DataSource dataSource) {
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        return new NamedParameterJdbcTemplate(template);
    }
}
