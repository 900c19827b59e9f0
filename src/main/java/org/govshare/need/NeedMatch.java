package org.govshare.need;

import java.util.List;

/**
 * A need with what the sharing catalog offers for it.
 *
 * @param matchingCodes published resources holding any of the wanted items (by name or text)
 * @param unmetItems wanted items no published resource offers; a need with any is unmet
 */
public record NeedMatch(SharingNeed need, List<String> matchingCodes, List<String> unmetItems) {

    public boolean met() {
        return unmetItems.isEmpty();
    }
}
