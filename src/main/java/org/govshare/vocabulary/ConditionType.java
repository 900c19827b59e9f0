package org.govshare.vocabulary;

/** Machine-checkable sharing conditions of a CONDITIONAL resource, read by the request rules. */
public enum ConditionType {
    /** the requester states a purpose matching the value (a duty keyword) */
    PURPOSE_REQUIRED,
    /** the requester cites the law or duty it needs the data for */
    LEGAL_DUTY_REQUIRED,
    /** only departments of this tier (MUNICIPAL or DISTRICT) */
    REQUESTER_TIER,
    /** only these departments (comma-separated codes) */
    REQUESTER_DEPARTMENTS,
    /** at most these data items (comma-separated item names) */
    FIELDS_LIMITED_TO,
    /** a grant lasts at most this many days */
    MAX_GRANT_DAYS
}
