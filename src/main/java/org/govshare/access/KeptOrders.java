package org.govshare.access;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govshare.dataset.ItemFilter;
import org.springframework.stereotype.Component;

/**
 * Orders of a hosted dataset's records as grants show them, kept per data version, so that a consumer paging
 * through a dataset whose key its grant masks (or sorting by a shown item) has the records ordered once per version,
 * not once per page. An order is kept under everything it follows from, so a kept order is the order a fresh read
 * would make; a page is then read by its keys, at that version only. Kept in this node's memory, up to
 * {@code govshare.access.ordered-keys-kept} keys in all, the least recently used given up first.
 */
@Component
class KeptOrders {

    /**
     * What an order follows from: the data version, the catalog entry's version (the items and their kinds), what
     * the grant shows and which of it masked, the filters, the sort asked for, and the error marks the caller sees.
     */
    record View(String resourceCode, int dataVersion, int entryVersion, List<String> shown, List<String> masked,
                List<ItemFilter> filters, List<SortKey> sort, Map<String, List<String>> marks) {
    }

    private final int keysKept;
    private final LinkedHashMap<View, List<String>> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    KeptOrders(AccessProperties properties) {
        this.keysKept = properties.orderedKeysKept();
    }

    /** The keys of every matching record in the view's order, if kept. */
    synchronized Optional<List<String>> of(View view) {
        return Optional.ofNullable(kept.get(view));
    }

    synchronized void keep(View view, List<String> keys) {
        if (keys.size() > keysKept) {
            return;
        }
        List<String> previous = kept.put(view, List.copyOf(keys));
        held += keys.size() - (previous == null ? 0 : previous.size());
        for (Iterator<List<String>> eldest = kept.values().iterator(); held > keysKept && eldest.hasNext(); ) {
            held -= eldest.next().size();
            eldest.remove();
        }
    }
}
