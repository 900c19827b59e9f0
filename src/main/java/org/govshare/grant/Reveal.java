package org.govshare.grant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.vocabulary.Sensitivity;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.RefusedException;

/**
 * What one grant reveals of each item of its resource (Art. 19, 20), and so what a caller under it may ask: the one
 * place that decides it, for data reads, their filters, order and counts, and for error reports. An answer about data
 * may depend only on what is revealed here, so every question is checked against it before any data is looked at.
 * <ul>
 * <li>{@link Level#CLEAR}: granted and shown as it is; exact and range filters and sorting allowed;</li>
 * <li>{@link Level#VERIFIABLE}: granted masked, and named by the provider as a verification key: an exact filter is
 * allowed (it answers whether a value the caller already holds is there), the answer still masked;</li>
 * <li>{@link Level#MASKED}: granted masked: shown masked, never filtered or sorted on;</li>
 * <li>{@link Level#HIDDEN}: not granted, or a state secret: nothing of it, not even through a filter.</li>
 * </ul>
 */
public final class Reveal {

    public enum Level { HIDDEN, MASKED, VERIFIABLE, CLEAR }

    private final Grant grant;
    private final Map<String, DataItem> items = new LinkedHashMap<>();
    private final Map<String, Level> levels = new LinkedHashMap<>();

    private Reveal(Grant grant, CatalogEntry entry) {
        this.grant = grant;
        for (DataItem item : entry.items()) {
            items.put(item.name(), item);
            levels.put(item.name(), levelOf(grant, item));
        }
    }

    public static Reveal of(Grant grant, CatalogEntry entry) {
        return new Reveal(grant, entry);
    }

    private static Level levelOf(Grant grant, DataItem item) {
        if (!grant.items().contains(item.name()) || item.sensitivity() == Sensitivity.STATE_SECRET) {
            return Level.HIDDEN;
        }
        if (!item.sensitivity().masked() || grant.unmaskedItems().contains(item.name())) {
            return Level.CLEAR;
        }
        return grant.verificationKeys().contains(item.name()) ? Level.VERIFIABLE : Level.MASKED;
    }

    public Grant grant() {
        return grant;
    }

    /** Every item the grant shows, in the grant's order: the granted ones, state secrets never. */
    public List<String> shown() {
        return grant.items().stream().filter(i -> levels.getOrDefault(i, Level.HIDDEN) != Level.HIDDEN).toList();
    }

    public Level level(String item) {
        return levels.getOrDefault(item, Level.HIDDEN);
    }

    /** Whether an item of the resource is a state secret, which no grant shows. */
    public boolean stateSecret(String item) {
        DataItem known = items.get(item);
        return known != null && known.sensitivity() == Sensitivity.STATE_SECRET;
    }

    /** Whether a shown item is shown masked. */
    public boolean masked(String item) {
        Level level = level(item);
        return level == Level.MASKED || level == Level.VERIFIABLE;
    }

    public DataItem item(String name) {
        return known(name, name);
    }

    /** Whether the key of every record is shown as it is, so that ordering by it reveals nothing more. */
    public boolean keyClear() {
        return items.values().stream().filter(DataItem::isKey).allMatch(d -> level(d.name()) == Level.CLEAR)
                && items.values().stream().anyMatch(DataItem::isKey);
    }

    /** An exact match on an item: allowed on clear items and on verification keys. */
    public void requireExact(String item, String field) {
        known(item, field);
        switch (level(item)) {
            case CLEAR, VERIFIABLE -> { }
            case MASKED -> throw maskedRefusal(item, field, "matched exactly", "unless the provider names it a"
                    + " verification key in its reply");
            case HIDDEN -> throw hiddenRefusal(item, field, "matched");
        }
    }

    /** A range on an item: allowed on clear items only, as a range narrows a masked value down to itself. */
    public void requireRange(String item, String field) {
        requireClear(item, field, "narrowed by a range");
    }

    /** Sorting by an item: allowed on clear items only, as the order of masked values tells what the mask hides. */
    public void requireSort(String item, String field) {
        requireClear(item, field, "sorted by");
    }

    private void requireClear(String item, String field, String what) {
        known(item, field);
        switch (level(item)) {
            case CLEAR -> { }
            case MASKED, VERIFIABLE -> throw maskedRefusal(item, field, what, "");
            case HIDDEN -> throw hiddenRefusal(item, field, what);
        }
    }

    private DataItem known(String item, String field) {
        DataItem known = items.get(item);
        if (known == null) {
            throw new InvalidInputException(field, "filter-unknown-item", "'" + item
                    + "' is not a data item of this resource; its items: " + List.copyOf(items.keySet()));
        }
        return known;
    }

    private RefusedException hiddenRefusal(String item, String field, String what) {
        String why = items.get(item).sensitivity() == Sensitivity.STATE_SECRET
                ? "'" + item + "' is a state secret: nothing of it leaves the platform, not even whether a value is there"
                + " (Art. 19)"
                : "'" + item + "' is not granted by " + grant.id() + ", so it cannot be " + what + ": an answer tells only"
                + " what the grant reveals (Art. 20); it grants " + grant.items();
        return new RefusedException(field, "filter-outside-grant", why);
    }

    private RefusedException maskedRefusal(String item, String field, String what, String unless) {
        return new RefusedException(field, "filter-on-masked-item", "'" + item + "' is granted masked by " + grant.id()
                + ", so it cannot be " + what + (unless.isEmpty() ? "" : " " + unless) + ": the answer would tell what"
                + " the mask hides (Art. 19)");
    }
}
