package org.govshare.catalog;

/** Art. 16: how often the provider updates a resource. */
public enum UpdateCycle {
    REAL_TIME,
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    YEARLY
}
