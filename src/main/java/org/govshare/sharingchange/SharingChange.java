package org.govshare.sharingchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govshare.cases.Case;

/**
 * A provider's intended retirement of a resource, or change of the service that active grants rely on, filed with the
 * sharing authority after consulting every holder (national regulation Art. 27: no unilateral end or change).
 *
 * @param id          the case number, e.g. {@code BG-2026-000001} (the process's business key)
 * @param effectiveOn the day the provider means the retirement or change to take effect, once accepted
 * @param answersDue  the end of the last working day the holders have to answer
 * @param answers     one per holder department of a live grant, in order
 * @param changeMadeAt when it took effect: the resource retired, or the changed service registered
 */
public record SharingChange(String id, Kind kind, String resourceCode, String resourceName, String providerDepartment,
                            String reasons, LocalDate effectiveOn, Status status, String filedBy, Instant filedAt,
                            Instant answersDue, List<Answer> answers, String decisionReasons, String decidedBy,
                            Instant decidedAt, Instant changeMadeAt, String processInstanceId) implements Case {

    public enum Kind {
        /** the resource leaves the catalog; its grants end */
        RETIREMENT,
        /** the registered service changes its address or parameters */
        SERVICE_CHANGE
    }

    public enum Status {
        /** the holders are answering */
        CONSULTING,
        /** the authority decides on the filing */
        AWAITING_DECISION,
        /** accepted; it takes effect on its day */
        ACCEPTED,
        /** refused by the authority: nothing changes */
        REFUSED,
        /** in effect: the resource retired, or the service may change (and {@code changeMadeAt} says when it did) */
        IN_EFFECT
    }

    public enum AnswerKind {
        AGREE,
        /** with reasons */
        OBJECT,
        /** no answer by the deadline */
        SILENT
    }

    /** A holder's answer; {@code answer} is null while it has not answered. */
    public record Answer(String department, List<String> grantIds, AnswerKind answer, String reasons, String answeredBy,
                         Instant answeredAt) {
    }

    /** The provider and every holder consulted are parties. */
    @Override
    public boolean concerns(String department) {
        return providerDepartment.equals(department) || answers.stream().anyMatch(a -> a.department().equals(department));
    }
}
