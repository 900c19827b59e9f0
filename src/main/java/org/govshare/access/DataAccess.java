package org.govshare.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.SharingMethod;
import org.govshare.correction.Corrections;
import org.govshare.dataset.DataSlice;
import org.govshare.dataset.HostedDatasets;
import org.govshare.dataset.ItemFilter;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.grant.Reveal;
import org.govshare.identity.Caller;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.platform.web.Paging;
import org.govshare.platform.web.RefusedException;
import org.govshare.provider.ProviderServices;
import org.govshare.suspension.Suspensions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data through the platform (Art. 17, 19, 20): served only under a grant valid today, held by the caller's
 * department, naming the caller, for the grant's purpose, and only the granted items; personal and
 * commercial-secret items masked unless the grant unmasks them; state secrets never; every read audited, the data
 * itself never.
 */
@Service
public class DataAccess {

    /** The field a record under an open error report carries: the reports' case numbers. */
    public static final String UNDER_VERIFICATION = "_underVerification";

    private final Catalog catalog;
    private final Grants grants;
    private final HostedDatasets hosted;
    private final ProviderServices providers;
    private final Masking masking;
    private final GrantRateLimit rateLimit;
    private final AuditTrail auditTrail;
    private final AccessProperties properties;
    private final Today today;
    private final Corrections corrections;
    private final Suspensions suspensions;
    private final KeptOrders orders;

    DataAccess(Catalog catalog, Grants grants, HostedDatasets hosted, ProviderServices providers, Masking masking,
               GrantRateLimit rateLimit, AuditTrail auditTrail, AccessProperties properties, Today today,
               Corrections corrections, Suspensions suspensions, KeptOrders orders) {
        this.orders = orders;
        this.catalog = catalog;
        this.grants = grants;
        this.hosted = hosted;
        this.providers = providers;
        this.masking = masking;
        this.rateLimit = rateLimit;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.today = today;
        this.corrections = corrections;
        this.suspensions = suspensions;
    }

    /**
     * A page of records as the caller may see them. Every question of the read (its items, filters and order) is
     * checked against what the grant reveals ({@link Reveal}) before any data is looked at, and the order and page
     * follow from revealed values only, so the answer (rows, total, order, refusal) depends on nothing the grant
     * withholds.
     *
     * @param purpose the purpose the caller reads for; it must be a grant's
     * @param items the items wanted; empty: every item the grant allows
     * @param sort the order asked for: clear items only; empty: by key when the grant shows the key, else as shown
     */
    @Transactional
    public DataAnswer read(Caller caller, String resourceCode, String purpose, List<String> items, List<ItemFilter> filters,
                           List<SortKey> sort, Paging paging) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidInputException("purpose", "purpose-required",
                    "say what you read for: shared information serves only the purpose it was granted for (Art. 20)");
        }
        int page = paging.page();
        int size = paging.size();
        CatalogListing resource = catalog.current(resourceCode).filter(r -> "PUBLISHED".equals(r.status()))
                .orElseThrow(() -> new NotFoundException("published resource", resourceCode));
        CatalogEntry entry = resource.entry();
        Grant grant = grantFor(caller, resourceCode, purpose.strip());
        Reveal reveal = Reveal.of(grant, entry);
        List<String> returned = items(reveal, items);
        allowed(reveal, filters, sort);
        rateLimit.acquire(grant.id());

        Page answer = entry.sharingMethod() == SharingMethod.HOSTED_DATASET
                ? hostedPage(caller, resource, reveal, filters, sort, page, size)
                : providerPage(resourceCode, reveal, filters, sort, page, size);
        List<String> masked = returned.stream().filter(reveal::masked).toList();
        List<Map<String, Object>> records = new ArrayList<>(answer.shown().size());
        for (Map<String, Object> row : answer.shown()) {
            Map<String, Object> record = new LinkedHashMap<>();
            returned.forEach(item -> record.put(item, row.get(item)));
            if (row.containsKey(UNDER_VERIFICATION)) {
                record.put(UNDER_VERIFICATION, row.get(UNDER_VERIFICATION));
            }
            records.add(record);
        }
        DataSlice slice = answer.slice();
        auditTrail.record(AuditEntry.ok(AuditAction.DATA_ACCESSED, "resource", resourceCode).with("grant", grant.id())
                .with("purpose", purpose.strip()).with("items", returned).with("filters", describe(filters))
                .with("sort", describeSort(sort))
                .with("page", page).with("records", records.size())
                .with("dataVersion", slice.version() == null ? "live" : slice.version()));
        return new DataAnswer(resourceCode, grant.id(), grant.purpose(), slice.version(), slice.asOf(), page, size,
                slice.total(), returned, masked, records);
    }

    /** A page of records as the grant shows them, from the source's slice. */
    private record Page(DataSlice slice, List<Map<String, Object>> shown) {
    }

    /** Refuses, before any data is read, a filter or order on an item the grant does not reveal enough of. */
    private static void allowed(Reveal reveal, List<ItemFilter> filters, List<SortKey> sort) {
        for (ItemFilter filter : filters) {
            if (filter.exact()) {
                reveal.requireExact(filter.item(), filter.item());
            } else {
                reveal.requireRange(filter.item(), filter.item() + (filter.from() != null ? ".from" : ".to"));
            }
        }
        sort.forEach(key -> reveal.requireSort(key.item(), "sort"));
    }

    /**
     * A hosted dataset's page. Ordered by key in the database when the grant shows the key as it is and no other
     * order is asked for; otherwise every match is ordered here by what the grant shows, as an order by a hidden key
     * would tell the hidden key. Such an order is kept ({@link KeptOrders}), so the next page of the same view reads
     * only its own records.
     */
    private Page hostedPage(Caller caller, CatalogListing resource, Reveal reveal, List<ItemFilter> filters,
                            List<SortKey> sort, int page, int size) {
        String code = resource.code();
        if (sort.isEmpty() && reveal.keyClear()) {
            DataSlice slice = hosted.read(code, filters, page, size);
            List<Map<String, Object>> shown = shown(reveal, slice.records());
            if (!slice.records().isEmpty()) {
                Map<String, List<String>> marks = corrections.openMarks(code, caller.department(), reveal.grant().id());
                if (!marks.isEmpty()) {
                    mark(marks, hosted.keysOf(resource.entry(), slice.records(), "record"), shown);
                }
            }
            return new Page(slice, shown);
        }
        // the marks take part in the order, so that rows shown alike are placed by what the caller sees of them
        Map<String, List<String>> marks = corrections.openMarks(code, caller.department(), reveal.grant().id());
        List<String> masked = reveal.shown().stream().filter(reveal::masked).toList();
        IntFunction<KeptOrders.View> view = version -> new KeptOrders.View(code, version, resource.version(),
                reveal.shown(), masked, filters, sort, marks);
        List<List<String>> pageKeys = new ArrayList<>(1);
        Optional<DataSlice> kept = hosted.readChosen(code, version -> orders.of(view.apply(version)).map(keys -> {
            int from = (int) Math.min((long) page * size, keys.size());
            pageKeys.add(keys.subList(from, Math.min(from + size, keys.size())));
            return new HostedDatasets.ChosenPage(pageKeys.get(0), keys.size());
        }));
        if (kept.isPresent()) {
            return new Page(kept.get(), mark(marks, pageKeys.get(0), shown(reveal, kept.get().records())));
        }
        DataSlice all = hosted.readMatching(code, filters, properties.maxOrderedRecords(), "sort",
                reveal.keyClear() ? "a sorted read orders" : "this grant does not show the key, so a read orders by what it"
                        + " shows, which takes");
        List<String> keys = hosted.keysOf(resource.entry(), all.records(), "record");
        List<Map<String, Object>> shown = mark(marks, keys, shown(reveal, all.records()));
        List<Integer> order = ordered(reveal, sort, shown);
        orders.keep(view.apply(all.version()), order.stream().map(keys::get).toList());
        int from = (int) Math.min((long) page * size, order.size());
        List<Integer> onPage = order.subList(from, Math.min(from + size, order.size()));
        return new Page(all, onPage.stream().map(shown::get).toList());
    }

    /**
     * A provider service's page, as its service chose the records for the allowed filters, ordered here by what the
     * grant shows; the provider's own choice of records is its service's, outside the platform (docs/access.md).
     */
    private Page providerPage(String code, Reveal reveal, List<ItemFilter> filters, List<SortKey> sort, int page, int size) {
        DataSlice slice = providers.call(code, filters, page, size);
        List<Map<String, Object>> shown = shown(reveal, slice.records());
        return new Page(slice, ordered(reveal, sort, shown).stream().map(shown::get).toList());
    }

    private static List<Integer> ordered(Reveal reveal, List<SortKey> sort, List<Map<String, Object>> shown) {
        RevealedOrder order = new RevealedOrder(sort, java.util.stream.Stream.concat(reveal.shown().stream(),
                java.util.stream.Stream.of(UNDER_VERIFICATION)).toList());
        List<Integer> positions = new ArrayList<>(java.util.stream.IntStream.range(0, shown.size()).boxed().toList());
        positions.sort((a, b) -> order.compare(shown.get(a), shown.get(b)));
        return positions;
    }

    /** Records as the grant shows them: its items only, masked where it masks them, state secrets never. */
    private List<Map<String, Object>> shown(Reveal reveal, List<Map<String, Object>> records) {
        List<String> items = reveal.shown();
        List<Map<String, Object>> shown = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String item : items) {
                Object value = record.get(item);
                row.put(item, reveal.masked(item) ? masking.mask(reveal.item(item), value) : value);
            }
            shown.add(row);
        }
        return shown;
    }

    /**
     * Art. 21: a record with an open error report carries {@code "_underVerification": ["JC-2026-000001"]}, until
     * the report closes: the reports the caller's department made under this same grant, and those the provider
     * published ({@link Corrections#openMarks}). Another consumer's report is never shown, nor one made under another
     * grant, which would join what that grant showed to this one.
     */
    private static List<Map<String, Object>> mark(Map<String, List<String>> marks, List<String> keys,
                                                  List<Map<String, Object>> shown) {
        for (int i = 0; i < shown.size() && !marks.isEmpty(); i++) {
            List<String> reports = marks.get(keys.get(i));
            if (reports != null) {
                shown.get(i).put(UNDER_VERIFICATION, reports);
            }
        }
        return shown;
    }

    /** The grant that serves this read, or a refusal naming the check that failed. */
    private Grant grantFor(Caller caller, String resourceCode, String purpose) {
        List<Grant> held = grants.everHeldBy(caller.department(), resourceCode);
        if (held.isEmpty()) {
            throw new RefusedException("resourceCode", "no-grant", caller.department() + " holds no grant for "
                    + resourceCode + "; ask for it with a sharing request");
        }
        List<Grant> valid = held.stream().filter(g -> g.validOn(today.date())).toList();
        if (valid.isEmpty()) {
            Grant latest = held.get(0);
            String rule = switch (latest.status()) {
                case REVOKED -> "grant-revoked";
                case TERMINATED -> "grant-terminated";
                case NOT_YET_VALID -> "grant-not-yet-valid";
                default -> "grant-expired";
            };
            boolean endedByAnAct = latest.status() == Grant.Status.REVOKED || latest.status() == Grant.Status.TERMINATED;
            throw new RefusedException("resourceCode", rule, "grant " + latest.id() + " for " + resourceCode + " is "
                    + latest.status() + (endedByAnAct ? " (" + latest.revocationReason() + ")"
                    : latest.status() == Grant.Status.NOT_YET_VALID ? " until " + latest.validFrom() : " since " + latest.validUntil()));
        }
        List<Grant> forPurpose = valid.stream().filter(g -> sameText(g.purpose(), purpose)).toList();
        if (forPurpose.isEmpty()) {
            throw new RefusedException("purpose", "purpose-not-granted", "no valid grant of " + caller.department() + " for "
                    + resourceCode + " has this purpose; shared information serves only the purpose it was granted for"
                    + " (Art. 20)");
        }
        Grant grant = forPurpose.stream().filter(g -> names(g, caller)).findFirst()
                .orElseThrow(() -> new RefusedException(caller.isSystem() ? "system" : "official", "not-named-on-grant",
                        caller.id() + " is not named on grant " + forPurpose.get(0).id() + "; its users are "
                                + forPurpose.get(0).officials() + " and systems " + forPurpose.get(0).systems()));
        // last of the grant's checks and before any question of the read: the refusal names the grant its own user
        // would read under, and says nothing of the data, the items or the suspension's reasons
        suspensions.suspending(grant.id()).ifPresent(suspension -> {
            throw new RefusedException("grant", "sharing-suspended", "grant " + grant.id() + " is suspended under "
                    + suspension + " until the suspension is decided (Art. 27 of the national regulation)");
        });
        return grant;
    }

    private static boolean names(Grant grant, Caller caller) {
        return caller.isSystem() ? grant.systems().contains(caller.id()) : grant.officials().contains(caller.id());
    }

    /** The items to return: those asked for (all within the grant), or all the grant's; state secrets never. */
    private static List<String> items(Reveal reveal, List<String> asked) {
        for (String item : asked) {
            if (reveal.stateSecret(item)) {
                throw new RefusedException("items", "state-secret-never-leaves", "'" + item
                        + "' is a state secret and never leaves the platform (Art. 19)");
            }
        }
        Grant grant = reveal.grant();
        List<String> outside = asked.stream().filter(i -> !grant.items().contains(i)).toList();
        if (!outside.isEmpty()) {
            throw new RefusedException("items", "items-outside-grant", outside + " are not granted by " + grant.id()
                    + "; it grants " + grant.items());
        }
        return asked.isEmpty() ? reveal.shown()
                : asked.stream().distinct().filter(i -> reveal.level(i) != Reveal.Level.HIDDEN).toList();
    }

    private static boolean sameText(String a, String b) {
        return a != null && a.strip().toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    static List<String> describeSort(List<SortKey> sort) {
        return sort.stream().map(k -> (k.descending() ? "-" : "") + k.item()).toList();
    }

    static List<String> describe(List<ItemFilter> filters) {
        return filters.stream().map(f -> f.exact() ? f.item() + "=" + f.equalTo()
                : f.item() + " in [" + (f.from() == null ? "" : f.from()) + ", " + (f.to() == null ? "" : f.to()) + "]").toList();
    }
}
