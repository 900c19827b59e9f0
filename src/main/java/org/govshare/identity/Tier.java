package org.govshare.identity;

/** The administrative tier of a department (Art. 6: municipal and district platforms are interconnected). */
public enum Tier {
    MUNICIPAL,
    DISTRICT
}
