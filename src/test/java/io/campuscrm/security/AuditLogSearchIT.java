package io.campuscrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Explain;
import io.campuscrm.support.SqlRecorder;

/**
 * The audit log becomes the largest table: filtered by the kind of record alone or by the action alone, its list is
 * read newest first straight from an index that starts with that filter (V22), never sorted after reading.
 */
@CampusIntegrationTest
class AuditLogSearchIT {

    /** What the grid asks for: a page of 50, so Spring Data reads 51 to know whether there is a next. */
    private static final PageRequest PAGE = PageRequest.of(0, 50);

    @Autowired
    AuditLogService auditLog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_kind_of_record_alone_is_read_newest_first_from_its_own_index() throws Exception {
        var filter = new AuditFilter(null, "User", null, null, null, null);

        var recorded = SqlRecorder.record(() -> SystemAuthentication.call(() -> auditLog.search(filter, PAGE)));

        assertThat(recorded.result().getContent()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.entityType()).isEqualTo("User"))
                .isSortedAccordingTo(Comparator.comparing(AuditEntry::occurredAt).reversed());
        assertThat(plan(recorded.statements(), filter)).singleElement().satisfies(step -> {
            assertThat(step.key()).isEqualTo("ix_audit_log_type_time");
            assertThat(step.sorts()).as(step.extra()).isFalse();
        });
    }

    @Test
    void the_action_alone_is_read_newest_first_from_its_own_index() throws Exception {
        var filter = new AuditFilter(null, null, null, AuditAction.CREATE, null, null);

        var recorded = SqlRecorder.record(() -> SystemAuthentication.call(() -> auditLog.search(filter, PAGE)));

        assertThat(recorded.result().getContent()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.CREATE))
                .isSortedAccordingTo(Comparator.comparing(AuditEntry::occurredAt).reversed());
        assertThat(plan(recorded.statements(), filter)).singleElement().satisfies(step -> {
            assertThat(step.key()).isEqualTo("ix_audit_log_action_time");
            assertThat(step.sorts()).as(step.extra()).isFalse();
        });
    }

    /**
     * EXPLAIN of the search as Hibernate sent it. Each optional filter is "(? is null or column = ?)", both bound to
     * the filter's value, in the query's order (actor, entity type, entity id, action, from, to), then the limit.
     */
    private List<Explain.Step> plan(List<String> statements, AuditFilter filter) {
        assertThat(statements).as("one statement for the page").hasSize(1);
        Object[] values = {filter.actor(), filter.entityType(), filter.entityId(),
                filter.action() == null ? null : filter.action().name(), filter.from(), filter.to()};
        Object[] parameters = Arrays.copyOf(Arrays.stream(values).flatMap(v -> Arrays.stream(new Object[] {v, v}))
                .toArray(), values.length * 2 + 1);
        parameters[values.length * 2] = PAGE.getPageSize() + 1;
        return Explain.of(jdbc, statements.getFirst(), parameters);
    }
}
