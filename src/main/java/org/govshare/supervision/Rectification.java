package org.govshare.supervision;

import java.time.Instant;

import org.govshare.cases.Case;

/**
 * The rectification of one violation (Art. 33): a notice with a working-day deadline, the department's report, the
 * authority's verification, and when it is not rectified a public criticism and a referral to the supervisors.
 *
 * @param id readable case number, e.g. {@code ZG-2026-000001}, the process's business key
 * @param attempt 1 for the first deadline, 2 after the authority rejected the first report
 * @param reportDue when the department's current report is due
 * @param referralOutcome SANCTION_PROPOSED or NO_ACTION, once the supervisor decided
 */
public record Rectification(String id, String violationId, String department, String processInstanceId, Status status,
                            int attempt, Instant reportDue, String startedBy, Instant startedAt, String criticismText,
                            Instant criticismPublishedAt, String criticismPublishedBy, String referralOutcome,
                            Instant closedAt) implements Case {

    @Override
    public boolean concerns(String department) {
        return this.department.equals(department);
    }

    public enum Status {
        /** the department has been notified and owes its report */
        AWAITING_REPORT,
        /** the report is in; the authority verifies it */
        AWAITING_VERIFICATION,
        /** accepted: the case is closed */
        RECTIFIED,
        /** not rectified: the authority approves the drafted public criticism */
        AWAITING_CRITICISM,
        /** criticised and referred: the supervisors consider sanctions */
        AWAITING_REFERRAL,
        /** the supervisors recorded their outcome: the case is closed */
        CONCLUDED
    }

    /** One entry of the case file: a notice, a report, a decision, a publication. */
    public record Step(int seq, String kind, String actor, Instant recordedAt, String decision, String body,
                       String evidence, Instant due) {
    }

    /** Everything about a case: the rectification, the violation and the case file. */
    public record Case(Rectification rectification, Violation violation, java.util.List<Step> steps) {
    }

    /** A published criticism (通报批评), as every department sees it. */
    public record Criticism(String rectificationId, String violationId, String department, ViolationType type,
                            String article, String text, Instant publishedAt, String publishedBy) {
    }
}
