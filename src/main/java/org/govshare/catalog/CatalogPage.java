package org.govshare.catalog;

import java.util.List;

/**
 * @param total      the number of matches; those of words are counted up to {@code govshare.catalog.counted-up-to}
 * @param totalExact false when the count stopped there: there are more matches than {@code total}
 */
public record CatalogPage(long total, boolean totalExact, int page, int size, List<CatalogListing> resources) {
}
