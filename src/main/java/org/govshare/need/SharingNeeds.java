package org.govshare.need;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogQuery;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand register (Art. 15): departments record what they need; each need is matched to the published
 * sharing catalog, and unmet needs are listed for the sharing authority (they start collection consultations).
 */
@Service
public class SharingNeeds {

    private final SharingNeedStore store;
    private final Catalog catalog;
    private final AuditTrail auditTrail;
    private final Clock clock;

    SharingNeeds(SharingNeedStore store, Catalog catalog, AuditTrail auditTrail, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public NeedMatch record(Official by, String description, List<String> wantedItems, String purpose, String legalDuty) {
        if (!by.has(Role.APPLICANT)) {
            throw new AccessDeniedException("sharing needs are recorded by a department's APPLICANT officials");
        }
        List<String> items = wantedItems == null ? List.of()
                : wantedItems.stream().filter(i -> i != null && !i.isBlank()).map(String::trim).distinct().toList();
        if (items.isEmpty()) {
            throw new InvalidInputException("wantedItems", "required", "name at least one data item the department needs");
        }
        SharingNeed need = new SharingNeed(UUID.randomUUID().toString(), by.department(), by.login(), clock.instant(),
                description, items, purpose, legalDuty, "OPEN", null);
        store.insert(need);
        NeedMatch match = match(need);
        auditTrail.record(AuditEntry.ok(AuditAction.NEED_RECORDED, "sharing-need", need.id())
                .with("items", items).with("met", match.met()).with("matchingCodes", match.matchingCodes()));
        return match;
    }

    /**
     * A page of the needs of a department, newest first (its own officials, the authority and supervisors), with
     * what matches them.
     */
    public List<NeedMatch> needsOf(Official by, String department, int page, int size) {
        if (!by.maySee(department)) {
            throw new AccessDeniedException("the needs of " + department + " are theirs and the authority's");
        }
        return store.ofDepartment(department, page, size).stream().map(this::match).toList();
    }

    /**
     * A page of the open needs the sharing catalog does not meet yet, newest first, for the authority. Whether a need
     * is met is a catalog search, not a column, so the open needs are read from the database a page at a time and
     * matched until this page is full or they run out: no page holds more than {@code size}, and memory stays bounded.
     */
    public List<NeedMatch> unmet(Official by, int page, int size) {
        if (!by.has(Role.AUTHORITY) && !by.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("the list of unmet needs is the sharing authority's");
        }
        long toSkip = (long) page * size;
        List<NeedMatch> unmet = new ArrayList<>();
        List<SharingNeed> open;
        long read = 0;
        do {
            open = store.open(size, read);
            read += open.size();
            for (SharingNeed need : open) {
                if (unmet.size() == size) {
                    break;
                }
                NeedMatch match = match(need);
                if (match.met()) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else {
                    unmet.add(match);
                }
            }
        } while (open.size() == size && unmet.size() < size);
        return unmet;
    }

    public Optional<SharingNeed> find(String id) {
        return store.find(id);
    }

    /**
     * A need becomes MET when the resource collected for it is published (Art. 9 and 15); it then leaves the list
     * of unmet needs. Called in the publishing transaction; a need already met stays met by its first resource.
     */
    @Transactional
    public void markMet(String id, String resourceCode, String consultationId) {
        if (store.markMet(id, resourceCode, clock.instant())) {
            auditTrail.record(AuditEntry.ok(AuditAction.NEED_MET, "sharing-need", id).with("resource", resourceCode)
                    .with("consultation", consultationId));
        }
    }

    /** By item name first (one query for all items); the catalog's text search only for items no name matched. */
    private NeedMatch match(SharingNeed need) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> unmet = new ArrayList<>();
        catalog.codesByItemName(need.wantedItems()).forEach((item, byName) -> {
            codes.addAll(byName);
            if (byName.isEmpty()) {
                List<String> byText = catalog.search(new CatalogQuery(item, null, null, null, null, null, false, 0, 50))
                        .resources().stream().map(r -> r.code()).toList();
                codes.addAll(byText);
                if (byText.isEmpty()) {
                    unmet.add(item);
                }
            }
        });
        return new NeedMatch(need, List.copyOf(codes), unmet);
    }
}
