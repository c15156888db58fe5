package io.campuscrm.shared.audit;

/** What happened to the audited entity. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, READ, EXPORT, LOGIN, LOGIN_FAILED, LOCKED, LOGOUT,
    /** A job or a task started by hand (a scheduled job run now, a batch run restarted). */
    RUN
}
