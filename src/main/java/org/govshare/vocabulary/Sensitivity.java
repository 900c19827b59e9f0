package org.govshare.vocabulary;

/** Art. 19: how sensitive a data item is. */
public enum Sensitivity {
    PUBLIC,
    INTERNAL,
    /** personal privacy (个人隐私) */
    PERSONAL,
    /** commercial secret (商业秘密) */
    COMMERCIAL_SECRET,
    /** state secret (国家秘密) */
    STATE_SECRET;

    /** Whether shared values of this sensitivity are masked unless a grant unmasks them (Art. 19). */
    public boolean masked() {
        return this == PERSONAL || this == COMMERCIAL_SECRET;
    }
}
