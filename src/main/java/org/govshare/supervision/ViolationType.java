package org.govshare.supervision;

/** The acts Art. 33 of the Measures names, each with the item of the article it falls under. */
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
    HARMFUL_DISCLOSURE("33(vi)");

    private final String article;

    ViolationType(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
