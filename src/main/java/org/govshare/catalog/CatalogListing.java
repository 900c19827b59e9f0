package org.govshare.catalog;

/**
 * A resource of the sharing catalog as Art. 16 shows it: the current version's entry, its status and version.
 */
public record CatalogListing(String code, int version, String status, CatalogEntry entry) {
}
