package org.govshare.rules.catalog;

import org.govshare.vocabulary.Sensitivity;

/**
 * One data item of the entry under check.
 *
 * @param index its position in the entry's item list, for naming the field ({@code items[index]})
 */
public record DataItemFact(int index, String name, Sensitivity sensitivity) {

    public String field() {
        return "items[" + index + "].sensitivity";
    }
}
