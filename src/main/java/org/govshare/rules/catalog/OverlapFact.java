package org.govshare.rules.catalog;

/**
 * A published resource of another department whose data items overlap the entry under check (Art. 9: collect
 * once).
 *
 * @param share the part of the entry's items (same name and type) that the other resource has, 0 to 1
 * @param threshold the share from which the overlap counts as possible repeated collection (a setting)
 */
public record OverlapFact(String otherCode, String otherName, String otherDepartment, double share, double threshold) {

    public int percent() {
        return (int) Math.round(share * 100);
    }
}
