package org.govshare.catalog;

import java.util.List;

public record CatalogPage(long total, int page, int size, List<CatalogListing> resources) {
}
