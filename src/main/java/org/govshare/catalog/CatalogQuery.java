package org.govshare.catalog;

import org.govshare.identity.Tier;
import org.govshare.vocabulary.ResourceKind;
import org.govshare.vocabulary.SharingType;

/**
 * A search of the sharing catalog; every criterion is optional.
 *
 * @param q words that must all appear in the code, name, summary, provider, duty, conditions or item names
 * @param includeRetired also list retired resources
 * @param page zero-based page number (checked with every list's paging rules, see {@code Paging})
 * @param size resources per page
 */
public record CatalogQuery(String q, String provider, ResourceKind kind, SharingType sharingType,
                           UpdateCycle updateCycle, Tier tier, Boolean includeRetired,
                           Integer page, Integer size) {

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? 20 : size;
    }
}
