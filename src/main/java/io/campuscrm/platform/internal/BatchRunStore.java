package io.campuscrm.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.platform.BatchRunInfo;

/**
 * Reads Spring Batch's job repository for the Jobs screen: a page of executions, newest first, then their steps'
 * counts and who started them for that page only (two grouped queries, never one per row). Batch keeps its times
 * as the server's local time ({@code LocalDateTime.now()}): they are read in the server's zone.
 */
@Component
public class BatchRunStore {

    /** Longest exit message shown; Batch keeps up to 2500 characters, a stack trace's start. */
    static final int ERROR_LENGTH = 600;

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId serverZone = ZoneId.systemDefault();

    BatchRunStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Executions of the named jobs (every job when null), newest first. */
    public Slice<BatchRunInfo> runs(@Nullable Collection<String> jobNames, Pageable page) {
        if (jobNames != null && jobNames.isEmpty()) {
            return new SliceImpl<>(List.of(), page, false);
        }
        var params = new MapSqlParameterSource().addValue("limit", page.getPageSize() + 1)
                .addValue("offset", page.getOffset()).addValue("names", jobNames);
        List<Row> rows = jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE, e.CREATE_TIME,
                       e.START_TIME, e.END_TIME, e.LAST_UPDATED
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                """ + (jobNames == null ? "" : " WHERE i.JOB_NAME IN (:names)") + """
                 ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit OFFSET :offset""", params, this::row);
        boolean more = rows.size() > page.getPageSize();
        List<Row> shown = more ? rows.subList(0, page.getPageSize()) : rows;
        if (shown.isEmpty()) {
            return new SliceImpl<>(List.of(), page, false);
        }
        var ids = new MapSqlParameterSource("ids", shown.stream().map(Row::id).toList());
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, LocalDateTime> active = new HashMap<>();
        jdbc.query("""
                SELECT JOB_EXECUTION_ID, SUM(READ_COUNT), SUM(WRITE_COUNT),
                       SUM(READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT), MAX(LAST_UPDATED)
                FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (:ids) GROUP BY JOB_EXECUTION_ID""", ids, rs -> {
            counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            LocalDateTime last = rs.getObject(5, LocalDateTime.class);
            if (last != null) {
                active.put(rs.getLong(1), last);
            }
        });
        Map<Long, String> startedBy = new HashMap<>();
        jdbc.query("""
                SELECT JOB_EXECUTION_ID, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS
                WHERE PARAMETER_NAME = 'startedBy' AND JOB_EXECUTION_ID IN (:ids)""", ids,
                rs -> {
                    startedBy.put(rs.getLong(1), rs.getString(2));
                });
        List<BatchRunInfo> runs = new ArrayList<>();
        for (Row r : shown) {
            long[] c = counts.getOrDefault(r.id(), new long[3]);
            LocalDateTime lastActive = latest(r.lastUpdated(), active.get(r.id()));
            String error = r.status().equals("FAILED") && r.exitMessage() != null && !r.exitMessage().isBlank()
                    ? shorten(r.exitMessage()) : null;
            runs.add(new BatchRunInfo(r.id(), r.jobName(), r.status(), instant(r.created()), instant(r.started()),
                    instant(r.ended()), c[0], c[1], c[2], startedBy.get(r.id()), error, instant(lastActive)));
        }
        return new SliceImpl<>(runs, page, more);
    }

    /**
     * How many job instances of the named jobs (every job when null) have a latest execution that failed, or that is
     * still running by the repository with nothing committed since {@code quietSince} (server time).
     */
    public long needingAttention(@Nullable Collection<String> jobNames, LocalDateTime quietSince) {
        if (jobNames != null && jobNames.isEmpty()) {
            return 0;
        }
        var params = new MapSqlParameterSource("names", jobNames).addValue("quietSince", quietSince);
        Long count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e
                JOIN (SELECT JOB_INSTANCE_ID, MAX(JOB_EXECUTION_ID) AS LATEST FROM BATCH_JOB_EXECUTION
                      GROUP BY JOB_INSTANCE_ID) l ON l.LATEST = e.JOB_EXECUTION_ID
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE (e.STATUS = 'FAILED'
                       OR (e.STATUS IN ('STARTING', 'STARTED', 'STOPPING') AND COALESCE(e.LAST_UPDATED, e.CREATE_TIME)
                           < :quietSince AND NOT EXISTS (SELECT 1 FROM BATCH_STEP_EXECUTION s
                               WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.LAST_UPDATED >= :quietSince)))
                """ + (jobNames == null ? "" : " AND i.JOB_NAME IN (:names)"), params, Long.class);
        return count == null ? 0 : count;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(5),
                rs.getObject(6, LocalDateTime.class), rs.getObject(7, LocalDateTime.class),
                rs.getObject(8, LocalDateTime.class), rs.getObject(9, LocalDateTime.class));
    }

    private @Nullable Instant instant(@Nullable LocalDateTime serverTime) {
        return serverTime == null ? null : serverTime.atZone(serverZone).toInstant();
    }

    private static @Nullable LocalDateTime latest(@Nullable LocalDateTime a, @Nullable LocalDateTime b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String shorten(String message) {
        return message.length() <= ERROR_LENGTH ? message : message.substring(0, ERROR_LENGTH) + "…";
    }

    private record Row(long id, String jobName, String status, @Nullable String exitMessage,
            @Nullable LocalDateTime created, @Nullable LocalDateTime started, @Nullable LocalDateTime ended,
            @Nullable LocalDateTime lastUpdated) {
    }
}
