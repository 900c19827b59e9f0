package org.govshare.dispute;

/** What the authority rules on a dispute. */
public enum RulingDecision {
    /** the applicant gets what the dispute asked for */
    GRANT_AS_ASKED,
    /** the applicant gets some of it: items, last day and conditions as the ruling sets them */
    GRANT_IN_PART,
    /** the refusal or the narrowing stands */
    UPHOLD;

    public boolean grants() {
        return this != UPHOLD;
    }
}
