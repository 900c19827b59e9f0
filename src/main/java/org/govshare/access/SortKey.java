package org.govshare.access;

/** One key of a read's order: {@code sort=金额} ascending, {@code sort=-金额} descending. */
public record SortKey(String item, boolean descending) {

    static SortKey parse(String text) {
        String t = text.strip();
        return t.startsWith("-") ? new SortKey(t.substring(1).strip(), true) : new SortKey(t, false);
    }
}
