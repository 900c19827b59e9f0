package org.govshare.rules.catalog;

import java.util.ArrayList;
import java.util.List;

import org.govshare.vocabulary.Sensitivity;
import org.govshare.rules.RuleCase;

/**
 * A catalog entry as the catalog rules see it, in the shape a rule author writes in a scenario file
 * ({@code catalog/scenarios/*.yaml}): the entry, its data items in order, and the published resources of other
 * departments its items overlap. The catalog builds the same facts from a submission.
 */
public record CatalogCase(ResourceFact resource, List<Item> items, List<OverlapFact> overlaps) implements RuleCase {

    public CatalogCase {
        if (resource == null) {
            throw new IllegalArgumentException("a catalog scenario gives its resource (resource: {code: ..., sharingType: ...})");
        }
        items = items == null ? List.of() : List.copyOf(items);
        overlaps = overlaps == null ? List.of() : List.copyOf(overlaps);
    }

    /** A data item of the entry; one given no sensitivity counts as {@code PUBLIC}, as in the catalog. */
    public record Item(String name, Sensitivity sensitivity) {
    }

    @Override
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(resource);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            facts.add(new DataItemFact(i, item.name(), item.sensitivity() == null ? Sensitivity.PUBLIC : item.sensitivity()));
        }
        facts.addAll(overlaps);
        return facts;
    }
}
