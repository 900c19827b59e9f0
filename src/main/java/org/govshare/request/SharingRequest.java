package org.govshare.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govshare.cases.Case;
import org.govshare.rules.Decision;
import org.govshare.rules.Finding;

/**
 * A sharing request (Art. 17 to 20) as stored: what was asked, what the eligibility rules decided and why (with the
 * version of the rule set that decided), the reply when it was reviewed, and where it stands.
 *
 * @param id the request number, e.g. {@code GX-2026-000123}; also the process's business key
 * @param resourceVersion the catalog version the request was made against
 * @param eligibility what the rules decided: GRANT, REVIEW or REFUSE
 * @param findings every rule that fired, with its article
 * @param ruleSetVersion SHA-256 over the DRL files in force when the rules decided
 * @param replyDeadline the key of the reply deadline the eligibility rules chose (national Art. 21), counted when
 *                      the request reaches the provider; null when they chose none
 * @param replyDue end of the reply deadline (working days), for a request under review; never recomputed, only
 *                 moved by an approved extension or a supplement (see {@code ReplyDeadlines})
 * @param reminderAt when the reviewer is reminded
 * @param overdue the deadline passed without a reply: a violation is recorded and the authority escalates
 * @param grantId the grant it led to, its own or a dispute ruling's
 */
public record SharingRequest(String id, String resourceCode, int resourceVersion, String resourceName,
                             String providerDepartment, String applicantDepartment, String requestedBy,
                             Instant requestedAt, List<String> items, String purpose, Duty duty, Scenario scenario,
                             LocalDate validFrom, LocalDate validUntil, List<String> officials, List<String> systems,
                             Status status, Decision.Verdict eligibility, List<Finding> findings, String ruleSetVersion,
                             Reply reply, String replyDeadline, Instant replyDue, Instant reminderAt, boolean reminded, boolean overdue,
                             String grantId, String processInstanceId, Instant closedAt) implements Case {

    @Override
    public boolean concerns(String department) {
        return applicantDepartment.equals(department) || providerDepartment.equals(department);
    }

    public enum Status {
        /** being decided by the rules (never seen outside the transaction that submits it) */
        SUBMITTED(true),
        /** waiting for the approval of the head of the applicant's sharing office before it is sent (national Art. 20) */
        AWAITING_APPROVAL(true),
        /** waiting for the sharing authority's conformity check before the provider sees it (e.g. Jincheng 2024) */
        CONFORMITY_CHECK(true),
        /** waiting for the provider's reply */
        IN_REVIEW(true),
        /** the provider's reviewer replied; the reply takes effect when the provider's head approves it (national Art. 20) */
        REPLY_AWAITING_APPROVAL(true),
        GRANTED(false),
        REFUSED(false),
        /** refused, then granted by a dispute ruling: {@code grantId} is the ruling's grant */
        OVERTURNED(false),
        WITHDRAWN(false),
        /** the head of the applicant's sharing office refused to send it: the provider never saw it */
        REFUSED_BY_REQUESTER_HEAD(false),
        /** the sharing authority found it not conforming: the provider never saw it */
        NOT_CONFORMING(false),
        /** ended because the applicant did not supplement the materials the provider's one notice listed in time (national Art. 21) */
        LAPSED(false);

        private final boolean open;

        Status(boolean open) {
            this.open = open;
        }

        /** Whether a request in this status still waits for someone. */
        public boolean open() {
            return open;
        }
    }

    public boolean open() {
        return status.open();
    }
}
