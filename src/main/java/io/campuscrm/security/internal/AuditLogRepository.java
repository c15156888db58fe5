package io.campuscrm.security.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import io.campuscrm.shared.audit.AuditAction;

public interface AuditLogRepository extends JpaRepository<AuditLogEntity, Long> {

    /** The kinds of record the log has lines about (read off the index that starts with entity_type). */
    @Query("select distinct a.entityType from AuditLogEntity a order by a.entityType")
    List<String> entityTypes();

    /** Newest first; each filter is optional and each has an index that starts with it. */
    @Query("""
            select a from AuditLogEntity a
            where (:actor is null or a.actor = :actor)
              and (:entityType is null or a.entityType = :entityType)
              and (:entityId is null or a.entityId = :entityId)
              and (:action is null or a.action = :action)
              and (:from is null or a.occurredAt >= :from)
              and (:to is null or a.occurredAt < :to)
            order by a.occurredAt desc, a.id desc
            """)
    Slice<AuditLogEntity> search(@Nullable String actor, @Nullable String entityType, @Nullable String entityId,
            @Nullable AuditAction action, @Nullable Instant from, @Nullable Instant to, Pageable page);
}
