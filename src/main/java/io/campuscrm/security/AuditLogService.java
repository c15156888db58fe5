package io.campuscrm.security;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.campuscrm.security.internal.AuditLogEntity;
import io.campuscrm.security.internal.AuditLogRepository;

/** Searches the audit log, newest first. Only administrators read it; nobody changes it. */
@Service
@Transactional(readOnly = true)
public class AuditLogService {

    private final AuditLogRepository auditLog;

    AuditLogService(AuditLogRepository auditLog) {
        this.auditLog = auditLog;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Slice<AuditEntry> search(AuditFilter filter, Pageable page) {
        return auditLog.search(blankToNull(filter.actor()), blankToNull(filter.entityType()),
                blankToNull(filter.entityId()), filter.action(), filter.from(), filter.to(), page)
                .map(AuditLogEntity::toEntry);
    }

    /** The kinds of record the log has lines about ({@code Student}, {@code User}, …), for its filter. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> entityTypes() {
        return auditLog.entityTypes();
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }
}
