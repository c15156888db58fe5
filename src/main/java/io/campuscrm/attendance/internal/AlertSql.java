package io.campuscrm.attendance.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * One alert list as SQL: {@code core} selects its lines (each with a {@code student_id}) within the reader's campuses
 * (it binds {@code :all} and {@code :campuses}); {@code order} sorts them, for pages that stay put; {@code rows} reads
 * a line. {@link AlertReader} wraps it for a page, a capped count or the students it names.
 */
public record AlertSql<R>(String core, String order, MapSqlParameterSource params, RowMapper<R> rows) {
}
