package org.govshare.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resource of the sharing catalog as Art. 16 shows it: the current version's entry, its status and version.
 *
 * @param sourceDepartment the source department the authority named for it (Art. 19 of the national regulation);
 *                         absent when none was named
 */
public record CatalogListing(String code, int version, String status, CatalogEntry entry,
                             @JsonInclude(JsonInclude.Include.NON_NULL) SourceDepartment sourceDepartment) {

    public CatalogListing(String code, int version, String status, CatalogEntry entry) {
        this(code, version, status, entry, null);
    }
}
