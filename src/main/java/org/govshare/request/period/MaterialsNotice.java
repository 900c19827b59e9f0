package org.govshare.request.period;

import java.time.Instant;
import java.util.List;

import org.govshare.cases.Case;

/**
 * The provider's one notice of missing materials (national Art. 21), and the applicant's supplement.
 *
 * @param id               the sharing request's number: one notice per request
 * @param items            everything missing, listed at once
 * @param supplementDue    when the applicant supplements by: the pack's {@code materials-supplement} working days
 * @param restartsClock    the pack's {@code supplement-restarts-clock} when the notice was sent, kept with it
 * @param replyWorkingDays the request's whole reply period, for a clock that restarts
 * @param workingDaysLeft  the working days the reply deadline had left at the notice, for a clock that pauses
 * @param replyDueBefore   the reply deadline when the notice was sent
 * @param files            names of the documents the supplement gives
 * @param replyDueAfter    the reply deadline the supplement set
 */
public record MaterialsNotice(String id, List<String> items, String note, String sentBy, Instant sentAt,
                              Instant supplementDue, boolean restartsClock, int replyWorkingDays, int workingDaysLeft,
                              Instant replyDueBefore, Status status, String materials, List<String> files,
                              String supplementedBy, Instant supplementedAt, Instant replyDueAfter,
                              String processInstanceId) implements Case {

    public MaterialsNotice {
        items = List.copyOf(items);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public enum Status {
        /** waiting for the applicant's supplement; the reply deadline lies beyond the supplement deadline */
        AWAITING,
        /** supplemented: the review went on */
        SUPPLEMENTED,
        /** not supplemented in time: the request ended LAPSED */
        LAPSED,
        /** the request ended another way first (answered, decided on escalation, withdrawn): nothing more to wait for */
        SUPERSEDED
    }
}
