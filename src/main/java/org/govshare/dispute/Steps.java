package org.govshare.dispute;

import java.util.Map;

/** Which side each side-specific step of the dispute-coordination process belongs to (one model, both sides). */
final class Steps {

    static final String APPLICANT_STATEMENT = "Task_ApplicantStatement";
    static final String PROVIDER_STATEMENT = "Task_ProviderStatement";

    private static final Map<String, Dispute.Side> SIDES = Map.of(
            APPLICANT_STATEMENT, Dispute.Side.APPLICANT,
            "Task_RecordApplicantStatementMissed", Dispute.Side.APPLICANT,
            PROVIDER_STATEMENT, Dispute.Side.PROVIDER,
            "Task_RecordProviderStatementMissed", Dispute.Side.PROVIDER);

    private Steps() {
    }

    static Dispute.Side sideOf(String activityId) {
        Dispute.Side side = SIDES.get(activityId);
        if (side == null) {
            throw new IllegalStateException(activityId + " is not a side's step of the dispute-coordination process");
        }
        return side;
    }
}
