package org.govshare.dataset;

/**
 * A condition on one data item of a read: an exact value ({@code equalTo}), or a range for dates and numbers
 * ({@code from} and/or {@code to}, both included). Values are as the API received them (text); the source
 * interprets them by the item's type.
 */
public record ItemFilter(String item, String equalTo, String from, String to) {

    public static ItemFilter equalTo(String item, String value) {
        return new ItemFilter(item, value, null, null);
    }

    public static ItemFilter between(String item, String from, String to) {
        return new ItemFilter(item, null, from, to);
    }

    public boolean exact() {
        return equalTo != null;
    }
}
