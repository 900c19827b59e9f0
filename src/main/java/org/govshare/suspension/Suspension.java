package org.govshare.suspension;

import java.time.Instant;
import java.util.List;

import org.govshare.cases.Case;

/**
 * A suspension of a requester department's sharing rights on misuse (national regulation Art. 27): the sharing
 * authority, or a provider for grants on its own resources, suspends one grant or all the department holds, with
 * reasons and a rectification deadline. Rectified: the grants serve again. Not rectified, or no report by the
 * deadline: they are terminated.
 *
 * @param id                  the case number, e.g. {@code ZT-2026-000001} (the process's business key)
 * @param department          the suspended department, the holder of the grants
 * @param suspenderDepartment the department that suspended: the authority's, or the provider's
 * @param byAuthority         whether the sharing authority suspended (else a provider did)
 * @param grants              the grants suspended, each with its provider
 * @param rectificationDue    the end of the last working day the department has to report its rectification
 * @param report              what the department says it did, once reported
 * @param decisionReasons     why the suspender found it not rectified (or what it accepted)
 */
public record Suspension(String id, String department, String suspenderDepartment, boolean byAuthority, Scope scope,
                         String reasons, Status status, String suspendedBy, Instant suspendedAt, Instant rectificationDue,
                         String report, String reportedBy, Instant reportedAt, String decisionReasons, String decidedBy,
                         Instant closedAt, List<Held> grants, String processInstanceId) implements Case {

    public enum Scope {
        /** one grant */
        GRANT,
        /** every live grant the department holds (of the suspending provider's resources, when a provider suspends) */
        ALL
    }

    public enum Status {
        /** suspended; the department reports its rectification */
        AWAITING_REPORT,
        /** still suspended; the suspender verifies the report */
        AWAITING_VERIFICATION,
        /** rectified: the grants serve again */
        RESTORED,
        /** not rectified, or no report in time: the grants are terminated */
        TERMINATED;

        /** Whether the grants are suspended while the case stands here. */
        public boolean suspends() {
            return this == AWAITING_REPORT || this == AWAITING_VERIFICATION;
        }
    }

    /** A grant the suspension holds, and the provider whose resource it is on. */
    public record Held(String grantId, String providerDepartment) {
    }

    /** The suspended department, the suspender and the providers of the grants are parties. */
    @Override
    public boolean concerns(String department) {
        return this.department.equals(department) || suspenderDepartment.equals(department)
                || grants.stream().anyMatch(g -> g.providerDepartment().equals(department));
    }
}
