package org.govshare.supervision;

import java.util.Optional;

/**
 * How the rule pack in force names each type of violation: the item of its article, the party that commits it and
 * the article's words. Implemented from {@code pack.yaml} ({@code violations:}); detection, rectification notices and
 * the assessment read it, so a violation recorded under the national pack cites Art. 39–41, one under Zhengzhou's
 * Art. 33.
 */
public interface ViolationTaxonomy {

    /** The pack's item for a type; empty when the pack does not count it as a violation. */
    Optional<Item> item(ViolationType type);

    /** The law the items are of, e.g. {@code 郑州市政府信息资源共享管理办法}, for the notices that cite it. */
    String law();

    /**
     * One item of the taxonomy.
     *
     * @param item  article and item, e.g. {@code 39(iv)}
     * @param party who commits it: PROVIDER, REQUESTER or AUTHORITY
     * @param text  the act in the article's words
     */
    record Item(String item, String party, String text) {
    }
}
