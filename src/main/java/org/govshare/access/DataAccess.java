package org.govshare.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.SharingMethod;
import org.govshare.correction.Corrections;
import org.govshare.dataset.DataSlice;
import org.govshare.dataset.HostedDatasets;
import org.govshare.dataset.ItemFilter;
import org.govshare.grant.Grant;
import org.govshare.grant.Grants;
import org.govshare.identity.Caller;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.platform.web.RefusedException;
import org.govshare.provider.ProviderServices;
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

    DataAccess(Catalog catalog, Grants grants, HostedDatasets hosted, ProviderServices providers, Masking masking,
               GrantRateLimit rateLimit, AuditTrail auditTrail, AccessProperties properties, Today today,
               Corrections corrections) {
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
    }

    /**
     * A page of records as the caller may see them.
     *
     * @param purpose the purpose the caller reads for; it must be a grant's
     * @param items the items wanted; empty: every item the grant allows
     */
    @Transactional
    public DataAnswer read(Caller caller, String resourceCode, String purpose, List<String> items, List<ItemFilter> filters,
                           int page, int size) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidInputException("purpose", "purpose-required",
                    "say what you read for: shared information serves only the purpose it was granted for (Art. 20)");
        }
        if (page < 0 || size < 1 || size > properties.maxPageSize()) {
            throw new InvalidInputException("size", "page-size", "page from 0, size from 1 to " + properties.maxPageSize());
        }
        CatalogListing resource = catalog.current(resourceCode).filter(r -> "PUBLISHED".equals(r.status()))
                .orElseThrow(() -> new NotFoundException("published resource", resourceCode));
        CatalogEntry entry = resource.entry();
        Grant grant = grantFor(caller, resourceCode, purpose.strip());
        List<String> returned = items(entry, grant, items);
        rateLimit.acquire(grant.id());

        DataSlice slice = entry.sharingMethod() == SharingMethod.HOSTED_DATASET
                ? hosted.read(resourceCode, filters, page, size)
                : providers.call(resourceCode, filters, page, size);

        List<String> masked = returned.stream().filter(i -> masks(entry, grant, i)).toList();
        List<Map<String, Object>> records = new ArrayList<>(slice.records().size());
        for (Map<String, Object> record : slice.records()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            for (String item : returned) {
                Object value = record.get(item);
                shown.put(item, masked.contains(item) ? masking.mask(item(entry, item), value) : value);
            }
            records.add(shown);
        }
        markUnderVerification(entry, slice, records);
        auditTrail.record(AuditEntry.ok(AuditAction.DATA_ACCESSED, "resource", resourceCode).with("grant", grant.id())
                .with("purpose", purpose.strip()).with("items", returned).with("filters", describe(filters))
                .with("page", page).with("records", records.size())
                .with("dataVersion", slice.version() == null ? "live" : slice.version()));
        return new DataAnswer(resourceCode, grant.id(), grant.purpose(), slice.version(), slice.asOf(), page, size,
                slice.total(), returned, masked, records);
    }

    /**
     * Art. 21: a record with an open error report carries {@code "_underVerification": ["JC-2026-000001"]}, until
     * the report closes.
     */
    private void markUnderVerification(CatalogEntry entry, DataSlice slice, List<Map<String, Object>> records) {
        if (entry.sharingMethod() != SharingMethod.HOSTED_DATASET || records.isEmpty()) {
            return;
        }
        Map<String, List<String>> open = corrections.openMarks(entry.code());
        if (open.isEmpty()) {
            return;
        }
        List<String> keys = hosted.keysOf(entry.code(), slice.records(), "record");
        for (int i = 0; i < records.size(); i++) {
            List<String> reports = open.get(keys.get(i));
            if (reports != null) {
                records.get(i).put(UNDER_VERIFICATION, reports);
            }
        }
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
                case NOT_YET_VALID -> "grant-not-yet-valid";
                default -> "grant-expired";
            };
            throw new RefusedException("resourceCode", rule, "grant " + latest.id() + " for " + resourceCode + " is "
                    + latest.status() + (latest.status() == Grant.Status.REVOKED ? " (" + latest.revocationReason() + ")"
                    : latest.status() == Grant.Status.NOT_YET_VALID ? " until " + latest.validFrom() : " since " + latest.validUntil()));
        }
        List<Grant> forPurpose = valid.stream().filter(g -> sameText(g.purpose(), purpose)).toList();
        if (forPurpose.isEmpty()) {
            throw new RefusedException("purpose", "purpose-not-granted", "no valid grant of " + caller.department() + " for "
                    + resourceCode + " has this purpose; shared information serves only the purpose it was granted for"
                    + " (Art. 20)");
        }
        return forPurpose.stream().filter(g -> names(g, caller)).findFirst()
                .orElseThrow(() -> new RefusedException(caller.isSystem() ? "system" : "official", "not-named-on-grant",
                        caller.id() + " is not named on grant " + forPurpose.get(0).id() + "; its users are "
                                + forPurpose.get(0).officials() + " and systems " + forPurpose.get(0).systems()));
    }

    private static boolean names(Grant grant, Caller caller) {
        return caller.isSystem() ? grant.systems().contains(caller.id()) : grant.officials().contains(caller.id());
    }

    /** The items to return: those asked for (all within the grant), or all the grant's; state secrets never. */
    private static List<String> items(CatalogEntry entry, Grant grant, List<String> asked) {
        for (String item : asked) {
            Optional<DataItem> known = entry.items().stream().filter(d -> d.name().equals(item)).findFirst();
            if (known.filter(d -> d.sensitivity() == Sensitivity.STATE_SECRET).isPresent()) {
                throw new RefusedException("items", "state-secret-never-leaves", "'" + item
                        + "' is a state secret and never leaves the platform (Art. 19)");
            }
        }
        List<String> outside = asked.stream().filter(i -> !grant.items().contains(i)).toList();
        if (!outside.isEmpty()) {
            throw new RefusedException("items", "items-outside-grant", outside + " are not granted by " + grant.id()
                    + "; it grants " + grant.items());
        }
        List<String> wanted = asked.isEmpty() ? grant.items() : asked.stream().distinct().toList();
        return wanted.stream().filter(i -> entry.items().stream()
                .anyMatch(d -> d.name().equals(i) && d.sensitivity() != Sensitivity.STATE_SECRET)).toList();
    }

    private static boolean masks(CatalogEntry entry, Grant grant, String item) {
        Sensitivity sensitivity = item(entry, item).sensitivity();
        return (sensitivity == Sensitivity.PERSONAL || sensitivity == Sensitivity.COMMERCIAL_SECRET)
                && !grant.unmaskedItems().contains(item);
    }

    private static DataItem item(CatalogEntry entry, String name) {
        return entry.items().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean sameText(String a, String b) {
        return a != null && a.strip().toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static List<String> describe(List<ItemFilter> filters) {
        return filters.stream().map(f -> f.exact() ? f.item() + "=" + f.equalTo()
                : f.item() + " in [" + (f.from() == null ? "" : f.from()) + ", " + (f.to() == null ? "" : f.to()) + "]").toList();
    }
}
