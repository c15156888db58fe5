package io.campuscrm.shared.audit;

/** What happened to the audited entity. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, READ, EXPORT, LOGIN, LOGIN_FAILED, LOCKED, LOGOUT
}
