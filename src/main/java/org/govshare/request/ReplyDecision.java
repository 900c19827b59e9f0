package org.govshare.request;

/** How a reviewer answers a request. */
public enum ReplyDecision {
    /** grant as asked */
    APPROVE,
    /** grant fewer items, a shorter period, or on added conditions */
    NARROW,
    /** refuse, citing the legal basis (Art. 17) */
    REFUSE
}
