package org.govshare.audit;

/**
 * The catalogue of audited actions. Every value is described in {@code docs/audit-events.md}; a test keeps the
 * two in step.
 */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGOUT,
    AUTHENTICATION_REQUIRED,
    ACCESS_DENIED,
    INPUT_REJECTED,
    REQUEST_FAILED,

    DEPARTMENT_REGISTERED,
    OFFICIAL_REGISTERED,
    ROLE_GRANTED,
    ROLE_REQUESTED,

    PROCESS_STARTED,
    PROCESS_ENDED,
    TASK_ASSIGNED,
    TASK_COMPLETED,

    AUDIT_SEARCHED,
    AUDIT_VERIFIED
}
