package org.govshare.supervision;

/**
 * The acts the platform can find or record as violations. Which article and item each falls under is the rule
 * pack's ({@link ViolationTaxonomy}); the item here is the Zhengzhou measures' Art. 33, kept for the records made
 * before packs named it.
 */
public enum ViolationType {
    /** information not collected as the Measures require */
    NOT_COLLECTED("33(i)"),
    /** information collected again that another body already collects */
    REPEATED_COLLECTION("33(ii)"),
    /** a sharing request refused without a legal basis */
    REFUSED_SHARING("33(iii)"),
    /** a sharing request not answered within the reply deadline */
    DELAYED_REPLY("33(iii)"),
    /** a reported error not verified or corrected within its deadline */
    DELAYED_CORRECTION("33(iii)"),
    /** hosted data not updated within its declared update cycle and the grace after it (Art. 24, 28) */
    DATA_NOT_UPDATED("33(iii)"),
    /** a provider's service failing the calls made to it past the tolerated share (Art. 28) */
    SERVICE_UNAVAILABLE("33(iii)"),
    /** the body's information resources deliberately concealed */
    CONCEALMENT("33(iv)"),
    /** shared information used beyond the purpose or scope it was shared for */
    MISUSE_BEYOND_SCOPE("33(v)"),
    /** disclosure harming the lawful rights of citizens, legal persons or other organisations */
    HARMFUL_DISCLOSURE("33(vi)"),
    /** data agreed on not delivered within the delivery deadline (national Art. 22, 39 iv) */
    LATE_DELIVERY(""),
    /** the catalog not compiled, or not updated after a change of law or duties in time (national Art. 17, 39 i) */
    CATALOG_NOT_UPDATED(""),
    /** conditions added to obstruct sharing (national Art. 15, 39 ii) */
    OBSTRUCTIVE_CONDITIONS(""),
    /** a sharing service ended or changed without consulting its holders and filing it (national Art. 27, 39 vii) */
    UNILATERAL_CHANGE(""),
    /** data passed to a third party without the provider's consent (national Art. 25, 40 iii) */
    THIRD_PARTY_TRANSFER(""),
    /** the data of an ended grant not disposed of as the provider required (national Art. 27, 40 iv) */
    NOT_DISPOSED(""),
    /** no usage records kept for a grant in use (national Art. 29, 40 v) */
    NO_USAGE_RECORDS(""),
    /** the authority named no source department where several collect the same data (national Art. 19, 41) */
    NO_SOURCE_DEPARTMENT(""),
    /** the authority left a dispute uncoordinated (national Art. 28, 41) */
    DISPUTE_NOT_COORDINATED("");

    private final String article;

    ViolationType(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
