package io.campuscrm.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.platform.JobOutcome;
import io.campuscrm.platform.JobRunInfo;
import io.campuscrm.platform.StartedHow;
import io.campuscrm.shared.database.JsonStrings;
import io.campuscrm.shared.jobs.JobResult;

/**
 * The run history of scheduled jobs ({@code job_run}, V31): a row when a run starts, its outcome when it ends. Each
 * write is its own statement, outside any caller's transaction, so a run that fails still leaves its line.
 */
@Component
public class JobRunStore {

    /** A run that a node left RUNNING when it stopped: its error is this message key. */
    public static final String NODE_STOPPED = "#jobs.error.node-stopped";
    /** A run a user asked for while another node ran the job. */
    public static final String RUNNING_ELSEWHERE = "#jobs.error.running-elsewhere";

    private static final String COLUMNS = "id, job_name, started_how, started_by, node, started_at, finished_at,"
            + " outcome, result_key, result_args, error";
    private static final RowMapper<JobRunInfo> RUN = JobRunStore::run;

    private final JdbcTemplate jdbc;

    JobRunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long start(String jobName, StartedHow how, String startedBy, String node, Instant at) {
        return insert(jobName, how, startedBy, node, at, null, JobOutcome.RUNNING, null);
    }

    /** A manual run that found the job held by another node: done at once, nothing run. */
    long skipped(String jobName, String startedBy, String node, Instant at) {
        return insert(jobName, StartedHow.USER, startedBy, node, at, at, JobOutcome.SKIPPED, RUNNING_ELSEWHERE);
    }

    void succeeded(long id, Instant at, JobResult result) {
        jdbc.update("UPDATE job_run SET finished_at = ?, outcome = 'SUCCEEDED', result_key = ?, result_args = ?"
                + " WHERE id = ?", utc(at), result.messageKey(), JsonStrings.encode(result.args()), id);
    }

    void failed(long id, Instant at, String error) {
        jdbc.update("UPDATE job_run SET finished_at = ?, outcome = 'FAILED', error = ? WHERE id = ?",
                utc(at), error, id);
    }

    /**
     * Closes the runs of a job that are still RUNNING though the caller holds the job's lock: their node stopped
     * before it could say how they ended.
     */
    int closeAbandoned(String jobName, Instant at) {
        return jdbc.update("UPDATE job_run SET finished_at = ?, outcome = 'FAILED', error = ? WHERE job_name = ?"
                + " AND outcome = 'RUNNING'", utc(at), NODE_STOPPED, jobName);
    }

    /** The latest run of each job that has run, read off the index on (job_name, started_at). */
    public Map<String, JobRunInfo> latest() {
        List<JobRunInfo> runs = jdbc.query("SELECT " + COLUMNS.replaceAll("(\\w+)", "r.$1") + " FROM job_run r JOIN"
                + " (SELECT job_name, MAX(started_at) AS started_at FROM job_run GROUP BY job_name) l"
                + " ON l.job_name = r.job_name AND l.started_at = r.started_at", RUN);
        return runs.stream().collect(Collectors.toMap(JobRunInfo::jobName, Function.identity(),
                (a, b) -> a.id() > b.id() ? a : b));
    }

    /** A job's runs, newest first. */
    public Slice<JobRunInfo> runs(String jobName, Pageable page) {
        List<JobRunInfo> rows = jdbc.query("SELECT " + COLUMNS + " FROM job_run WHERE job_name = ?"
                + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?", RUN, jobName, page.getPageSize() + 1,
                page.getOffset());
        boolean more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    private long insert(String jobName, StartedHow how, String startedBy, String node, Instant at,
            @Nullable Instant finished, JobOutcome outcome, @Nullable String error) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO job_run (job_name, started_how, started_by,"
                    + " node, started_at, finished_at, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            statement.setString(1, jobName);
            statement.setString(2, how.name());
            statement.setString(3, startedBy);
            statement.setString(4, node);
            statement.setObject(5, utc(at));
            statement.setObject(6, finished == null ? null : utc(finished));
            statement.setString(7, outcome.name());
            statement.setString(8, error);
            return statement;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Times are kept in UTC, as Hibernate keeps them elsewhere ({@code hibernate.jdbc.time_zone}). */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static JobRunInfo run(ResultSet rs, int row) throws SQLException {
        LocalDateTime finished = rs.getObject("finished_at", LocalDateTime.class);
        String resultKey = rs.getString("result_key");
        String args = rs.getString("result_args");
        return new JobRunInfo(rs.getLong("id"), rs.getString("job_name"), StartedHow.valueOf(rs.getString(
                "started_how")), rs.getString("started_by"), rs.getString("node"),
                rs.getObject("started_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                finished == null ? null : finished.toInstant(ZoneOffset.UTC),
                JobOutcome.valueOf(rs.getString("outcome")), resultKey == null ? null
                        : new JobResult(resultKey, args == null ? List.of() : JsonStrings.decode(args)),
                rs.getString("error"));
    }
}
