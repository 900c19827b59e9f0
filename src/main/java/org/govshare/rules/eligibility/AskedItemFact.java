package org.govshare.rules.eligibility;

import org.govshare.vocabulary.Sensitivity;

/**
 * One data item the request asks for, with the sensitivity the catalog gives it.
 *
 * @param index its position in the request's item list, for naming the field ({@code items[index]})
 */
public record AskedItemFact(int index, String name, Sensitivity sensitivity) {

    public String field() {
        return "items[" + index + "]";
    }
}
