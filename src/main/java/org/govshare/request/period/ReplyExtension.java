package org.govshare.request.period;

import java.time.Instant;

import org.govshare.cases.Case;

/**
 * A provider's one request for a longer reply period (national Art. 21), and the authority's decision on it.
 *
 * @param id              the sharing request's number: one extension per request
 * @param workingDays     the working days asked, at most the pack's {@code reply-extension}
 * @param decisionDue     when the authority decides by: the pack's {@code reply-extension-decision} working days, and
 *                        never after the reply deadline it would move
 * @param replyDueBefore  the reply deadline when the extension was asked
 * @param replyDueAfter   the reply deadline the approval set; null until approved, and when the request no longer
 *                        waited for its reply by then
 */
public record ReplyExtension(String id, int workingDays, String reasons, String askedBy, Instant askedAt,
                             Instant decisionDue, Status status, String decidedBy, Instant decidedAt,
                             String decisionReasons, Instant replyDueBefore, Instant replyDueAfter,
                             String processInstanceId) implements Case {

    public enum Status {
        /** waiting for the authority's decision */
        ASKED,
        APPROVED,
        REFUSED,
        /** the authority did not decide by the decision deadline: the reply deadline stays */
        LAPSED
    }
}
