package org.govshare.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.govshare.identity.Tier;

/**
 * A search of the sharing catalog; every criterion is optional.
 *
 * @param q words that must all appear in the code, name, summary, provider, duty, conditions or item names
 * @param includeRetired also list retired resources
 */
public record CatalogQuery(String q, String provider, ResourceKind kind, SharingType sharingType,
                           UpdateCycle updateCycle, Tier tier, Boolean includeRetired,
                           @Min(0) @Max(10_000) Integer page, @Min(1) @Max(200) Integer size) {

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? 20 : size;
    }
}
