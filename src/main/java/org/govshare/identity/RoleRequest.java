package org.govshare.identity;

import java.time.Instant;

/**
 * A request for a role, as stored: what the process's steps decide from.
 *
 * @param id the role-request process instance that handles it
 * @param applicant the official who asked (the authenticated caller who started the process)
 * @param department the applicant's department when they asked
 * @param requestedRole the role asked for
 * @param reason why the applicant needs it
 * @param status PENDING until the authority decides, then APPROVED or REFUSED
 * @param decidedBy the official of the authority who decided (null while pending)
 * @param decisionReason the authority's reason (required for a refusal)
 */
public record RoleRequest(String id, String applicant, String department, Role requestedRole, String reason,
                          Status status, Instant requestedAt, String decidedBy, String decisionReason, Instant decidedAt) {

    public enum Status { PENDING, APPROVED, REFUSED }
}
