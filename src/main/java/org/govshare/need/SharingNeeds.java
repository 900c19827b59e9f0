package org.govshare.need;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogQuery;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand register (Art. 15): departments record what they need; each need is matched to the published
 * sharing catalog, and unmet needs are listed for the sharing authority (they start collection consultations).
 */
@Service
public class SharingNeeds {

    private static final String NEWEST_FIRST_PAGE = " order by recorded_at desc, id desc limit ? offset ?";

    private final JdbcTemplate jdbc;
    private final Catalog catalog;
    private final AuditTrail auditTrail;
    private final ObjectMapper json;
    private final Clock clock;

    SharingNeeds(JdbcTemplate jdbc, Catalog catalog, AuditTrail auditTrail, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.auditTrail = auditTrail;
        this.json = json;
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
        jdbc.update("""
                insert into sharing_need (id, department, recorded_by, recorded_at, description, wanted_items, purpose,
                                          legal_duty, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
                need.id(), need.department(), need.recordedBy(),
                java.time.OffsetDateTime.ofInstant(need.recordedAt(), java.time.ZoneOffset.UTC), description, write(items),
                purpose, legalDuty);
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
        return load("where department = ?" + NEWEST_FIRST_PAGE, department, size, (long) page * size).stream()
                .map(this::match).toList();
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
            open = load("where status = 'OPEN'" + NEWEST_FIRST_PAGE, size, read);
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
        return load("where id = ?", id).stream().findFirst();
    }

    /**
     * A need becomes MET when the resource collected for it is published (Art. 9 and 15); it then leaves the list
     * of unmet needs. Called in the publishing transaction; a need already met stays met by its first resource.
     */
    @Transactional
    public void markMet(String id, String resourceCode, String consultationId) {
        int changed = jdbc.update("update sharing_need set status = 'MET', met_by_resource = ?, met_at = ? where id = ?"
                + " and status = 'OPEN'", resourceCode, java.time.OffsetDateTime.ofInstant(clock.instant(),
                java.time.ZoneOffset.UTC), id);
        if (changed == 1) {
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

    private List<SharingNeed> load(String where, Object... args) {
        return jdbc.query("select * from sharing_need " + where, (rs, row) -> new SharingNeed(
                rs.getString("id"), rs.getString("department"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("description"),
                read(rs.getString("wanted_items")), rs.getString("purpose"), rs.getString("legal_duty"), rs.getString("status"),
                rs.getString("met_by_resource")), args);
    }

    private String write(List<String> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String items) {
        try {
            return json.readValue(items, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored need items are unreadable", e);
        }
    }
}
