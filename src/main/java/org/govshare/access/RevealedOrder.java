package org.govshare.access;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order of records as a grant shows them: by the sort keys asked for, then by every shown item, each compared as
 * shown (a masked value by its mask). Two records the grant shows alike are alike to the caller, so whatever order
 * they take between them tells nothing; no hidden value, not even the key, decides an order the caller can see.
 */
final class RevealedOrder implements Comparator<Map<String, Object>> {

    private final List<SortKey> keys;
    private final List<String> shown;

    RevealedOrder(List<SortKey> keys, List<String> shown) {
        this.keys = keys;
        this.shown = shown;
    }

    @Override
    public int compare(Map<String, Object> a, Map<String, Object> b) {
        for (SortKey key : keys) {
            int c = value(a.get(key.item()), b.get(key.item()));
            if (c != 0) {
                return key.descending() ? -c : c;
            }
        }
        for (String item : shown) {
            int c = value(a.get(item), b.get(item));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Nulls first, then numbers, booleans and text, each in its natural order. */
    private static int value(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return a.toString().compareTo(b.toString());
    }

    private static int rank(Object value) {
        return value instanceof Number ? 0 : value instanceof Boolean ? 1 : 2;
    }
}
