package org.govshare.audit;

/** How an audited action ended. */
public enum Outcome {
    /** the action took effect */
    OK,
    /** the platform refused it: bad credentials, no permission, invalid input, a rule */
    REFUSED,
    /** it was allowed but failed for a technical reason */
    FAILED
}
