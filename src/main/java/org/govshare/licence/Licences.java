package org.govshare.licence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.calendar.Today;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.catalog.CatalogListing;
import org.govshare.catalog.SharingMethod;
import org.govshare.dataset.DataSlice;
import org.govshare.dataset.HostedDatasets;
import org.govshare.dataset.ItemFilter;
import org.govshare.grant.Grants;
import org.govshare.grant.Reveal;
import org.govshare.identity.Caller;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.pdf.LabelledSheetPdf;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.HiddenException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.platform.web.Paging;
import org.govshare.platform.web.RefusedException;
import org.govshare.seal.DocumentKind;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRecord;
import org.govshare.seal.SealRequest;
import org.govshare.seal.SealedZip;
import org.govshare.seal.Sealing;
import org.govshare.vocabulary.Sensitivity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic certificates, 电子证照 (Art. 22): a provider issues one from a record of its hosted data, as a sealed
 * document with a unique number; the platform keeps it and its status. Anyone may look a number up and learn whether
 * it is valid; the document itself is seen by its issuer, the authority and supervisors, and a department whose
 * active grant on the resource shows every item the licence carries in clear (shared, not collected again, and never
 * more than that department may read).
 */
@Service
public class Licences {

    /** The document's file name inside the ZIP. */
    public static final String DOCUMENT = "licence.json";
    private static final int MAX_TITLE = 100;

    private final Catalog catalog;
    private final HostedDatasets hosted;
    private final Grants grants;
    private final DepartmentDirectory departments;
    private final Sealing sealing;
    private final SealedZip zip;
    private final LicenceStore store;
    private final AuditTrail auditTrail;
    private final ObjectMapper json;
    private final Today today;
    private final LabelledSheetPdf sheets;

    Licences(Catalog catalog, HostedDatasets hosted, Grants grants, DepartmentDirectory departments, Sealing sealing,
             SealedZip zip, LicenceStore store, AuditTrail auditTrail, ObjectMapper json, Today today,
             LabelledSheetPdf sheets) {
        this.sheets = sheets;
        this.catalog = catalog;
        this.hosted = hosted;
        this.grants = grants;
        this.departments = departments;
        this.sealing = sealing;
        this.zip = zip;
        this.store = store;
        this.auditTrail = auditTrail;
        this.json = json;
        this.today = today;
    }

    /**
     * Issues a licence from the one record of the resource's current version that the filter matches: only the
     * provider's PROVIDER_REVIEWER officials issue, and only from a published hosted dataset.
     */
    @Transactional
    public Licence issue(Caller by, NewLicence request) {
        checkRequest(request);
        CatalogEntry entry = catalog.current(request.resource()).filter(l -> "PUBLISHED".equals(l.status()))
                .map(CatalogListing::entry)
                .orElseThrow(() -> new NotFoundException("published resource", request.resource()));
        String provider = entry.providerDepartment();
        if (!provider.equals(by.department()) || !(by instanceof Official official && official.has(Role.PROVIDER_REVIEWER))) {
            throw new RefusedException("resource", "issuer-only", "licences from " + entry.code() + " are issued by "
                    + provider + "'s PROVIDER_REVIEWER officials, who vouch for its data");
        }
        if (entry.sharingMethod() != SharingMethod.HOSTED_DATASET) {
            throw new ConflictException("resource", "hosted-dataset-only", entry.code() + " is shared as "
                    + entry.sharingMethod() + ": the platform holds no records of it to issue a licence from");
        }
        List<String> items = carried(entry, request.items());
        List<ItemFilter> filters = filters(entry, request.filter());
        if (!items.contains(request.holderItem())) {
            throw new InvalidInputException("holderItem", "unknown-item", "'" + request.holderItem() + "' is not an item"
                    + " this licence carries; it carries " + items);
        }
        DataSlice match = hosted.read(entry.code(), filters, 0, 2);
        if (match.total() == 0) {
            throw new InvalidInputException("filter", "no-record-matches", "no record of the current version (" + match.version()
                    + ") of " + entry.code() + " matches " + request.filter() + "; a licence is issued from one record");
        }
        if (match.total() > 1) {
            throw new InvalidInputException("filter", "more-than-one-record-matches", match.total() + " records of "
                    + entry.code() + " match " + request.filter() + "; filter on the key so that exactly one does");
        }
        Map<String, Object> found = match.records().get(0);
        Map<String, Object> record = new LinkedHashMap<>();
        items.forEach(item -> record.put(item, found.get(item)));

        Department issuer = departments.require(provider);
        String number = LicenceNumber.of(today.date().getYear(), issuer.catalogRange(), store.nextNumber());
        Instant issuedAt = today.now().truncatedTo(ChronoUnit.MILLIS);
        if (record.get(request.holderItem()) == null) {
            throw new InvalidInputException("holderItem", "holder-empty", "the record's '" + request.holderItem()
                    + "' is empty; name an item that names the holder in this record");
        }
        String holder = String.valueOf(record.get(request.holderItem()));
        byte[] document = document(number, request.title().strip(), issuer, entry, match.version(), holder, record, issuedAt);
        SealFormat format = sealing.offers(SealFormat.SES) ? SealFormat.SES : SealFormat.CMS;
        Sealing.Sealed sealed = sealing.seal(document, format, new SealRequest(DocumentKind.ELECTRONIC_CERTIFICATE, provider,
                "licence:" + number, request.title().strip() + " " + number));
        List<String> sealRecords = new ArrayList<>(List.of(sealed.registerId()));
        byte[] pdf = null;
        if (sealing.offers(SealFormat.PADES)) {
            Sealing.Sealed sealedPdf = sealing.seal(pdf(number, request.title().strip(), issuer, entry, match.version(),
                    holder, record, issuedAt), SealFormat.PADES, new SealRequest(DocumentKind.ELECTRONIC_CERTIFICATE,
                    provider, "licence:" + number, request.title().strip() + " " + number));
            pdf = sealedPdf.seal();
            sealRecords.add(sealedPdf.registerId());
        }
        Licence licence = new Licence(number, entry.code(), provider, request.title().strip(), holder, match.version(),
                Sealing.sha256(write(record)), items, format, List.copyOf(sealRecords), pdf != null,
                Licence.Status.VALID, by.id(), issuedAt, null, null, null);
        store.insert(licence, new LicenceFiles(document, sealed.seal(), pdf));
        auditTrail.record(AuditEntry.ok(AuditAction.LICENCE_ISSUED, "licence", number).with("resource", entry.code())
                .with("title", licence.title()).with("dataVersion", licence.dataVersion())
                .with("recordHash", licence.recordHash()).with("seal", format).with("sealRecords", licence.sealRecords()));
        return licence;
    }

    /** What anyone may learn of a licence by its number. */
    @Transactional(readOnly = true)
    public LicenceStatus status(String number) {
        Licence licence = find(number);
        String issuerName = departments.find(licence.issuer()).map(Department::nameZh).orElse(licence.issuer());
        return new LicenceStatus(licence.number(), licence.title(), licence.issuer(), issuerName, licence.issuedAt(),
                licence.status(), licence.revokedAt());
    }

    /** A licence and its document, for those who may see it; to anyone else it does not exist. */
    @Transactional(readOnly = true)
    public Map<String, Object> read(Caller by, String number) {
        Licence licence = visible(by, number);
        try {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("licence", licence);
            answer.put("document", json.readTree(store.files(licence.number()).document()));
            return answer;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("licence " + number + "'s stored document is not JSON", e);
        }
    }

    /** The document, its seal and how to check them, as one ZIP. */
    @Transactional(readOnly = true)
    public byte[] documentZip(Caller by, String number) {
        Licence licence = visible(by, number);
        LicenceFiles files = store.files(licence.number());
        SealRecord seal = sealing.record(licence.sealRecords().get(0)).orElseThrow(() -> new IllegalStateException(
                "licence " + number + "'s seal record " + licence.sealRecords().get(0) + " is not in the register"));
        return zip.zip(DOCUMENT, "电子证照 Electronic certificate " + licence.number() + "（" + licence.title() + "）",
                files.document(), new Sealing.Sealed(seal.id(), seal.format(), seal.algorithm(), files.seal(),
                        seal.documentHash()));
    }

    /** The sealed PDF, when one was made. */
    @Transactional(readOnly = true)
    public byte[] pdf(Caller by, String number) {
        Licence licence = visible(by, number);
        byte[] pdf = store.files(licence.number()).pdf();
        if (pdf == null) {
            throw new NotFoundException("PDF of licence", licence.number());
        }
        return pdf;
    }

    /** Revokes a licence: its issuer's PROVIDER_REVIEWER officials or the authority, with a reason. */
    @Transactional
    public Licence revoke(Caller by, String number, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required", "say why the licence is revoked; the status page"
                    + " shows that it is, and the audit trail why");
        }
        Licence licence = visible(by, number);
        boolean issuerReviewer = licence.issuer().equals(by.department()) && by instanceof Official o
                && o.has(Role.PROVIDER_REVIEWER);
        if (!issuerReviewer && !(by instanceof Official o && o.has(Role.AUTHORITY))) {
            throw new RefusedException("number", "issuer-or-authority-only", "licence " + licence.number()
                    + " is revoked by " + licence.issuer() + "'s PROVIDER_REVIEWER officials or the authority");
        }
        licence = store.lock(licence.number()).orElseThrow();
        if (licence.status() == Licence.Status.REVOKED) {
            throw new ConflictException("number", "already-revoked", "licence " + licence.number() + " was revoked at "
                    + licence.revokedAt());
        }
        store.revoke(licence.number(), by.id(), today.now().truncatedTo(ChronoUnit.MICROS), reason.strip());
        auditTrail.record(AuditEntry.ok(AuditAction.LICENCE_REVOKED, "licence", licence.number())
                .with("resource", licence.resourceCode()).with("reason", reason.strip()));
        return store.find(licence.number()).orElseThrow();
    }

    /** The caller's department's licences, newest first (the authority and supervisors: every issuer's). */
    @Transactional(readOnly = true)
    public List<Licence> list(Caller by, String resourceCode, Paging paging) {
        String issuer = supervises(by) ? null : by.department();
        return store.list(issuer, resourceCode == null || resourceCode.isBlank() ? null : resourceCode.strip(),
                paging.page(), paging.size());
    }

    private Licence find(String number) {
        String normalised = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!LicenceNumber.wellFormed(normalised)) {
            throw new InvalidInputException("number", "licence-number-form", "'" + number + "' is not a licence number:"
                    + " DZZZ-<year>-<3 digits>-<7 digits>-<check digit or X>, e.g. DZZZ-2026-102-0000042-X; check for a"
                    + " mistyped digit");
        }
        return store.find(normalised).orElseThrow(() -> new NotFoundException("licence", normalised));
    }

    private Licence visible(Caller by, String number) {
        Licence licence = find(number);
        if (!maySee(by, licence)) {
            throw new HiddenException("licence", licence.number());
        }
        return licence;
    }

    /**
     * The issuer's officials and systems, the authority and supervisors, and a department whose grant on the resource
     * is valid today and shows every item of the licence as it is: the document is sealed whole, so it cannot be
     * masked for a grant that masks an item, and is then not shown.
     */
    private boolean maySee(Caller by, Licence licence) {
        if (licence.issuer().equals(by.department()) || supervises(by)) {
            return true;
        }
        if (by.department() == null) {
            return false;
        }
        CatalogEntry entry = catalog.current(licence.resourceCode()).map(CatalogListing::entry).orElse(null);
        return entry != null && grants.heldBy(by.department(), licence.resourceCode()).stream()
                .map(g -> Reveal.of(g, entry))
                .anyMatch(reveal -> licence.items().stream().allMatch(i -> reveal.level(i) == Reveal.Level.CLEAR));
    }

    private static boolean supervises(Caller by) {
        return by instanceof Official o && (o.has(Role.AUTHORITY) || o.has(Role.SUPERVISOR));
    }

    private static void checkRequest(NewLicence request) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (request.resource() == null || request.resource().isBlank()) {
            errors.add(new InvalidInputException.FieldError("resource", "required", "name the resource the record is in"));
        }
        if (request.filter() == null || request.filter().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("filter", "required", "give item → value pairs that match"
                    + " exactly one record, e.g. {\"统一社会信用代码\": \"…\"}"));
        }
        if (request.title() == null || request.title().isBlank() || request.title().strip().length() > MAX_TITLE) {
            errors.add(new InvalidInputException.FieldError("title", "required", "say what the licence is (1 to "
                    + MAX_TITLE + " characters), e.g. 企业登记证明"));
        }
        if (request.holderItem() == null || request.holderItem().isBlank()) {
            errors.add(new InvalidInputException.FieldError("holderItem", "required", "name the item whose value names"
                    + " the holder, e.g. 组织名称"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The items a licence carries: those asked for, or every item of the resource; state secrets never. */
    private static List<String> carried(CatalogEntry entry, List<String> asked) {
        List<String> carried = new ArrayList<>();
        entry.items().stream().filter(i -> i.sensitivity() != Sensitivity.STATE_SECRET).forEach(i -> carried.add(i.name()));
        if (asked == null || asked.isEmpty()) {
            return List.copyOf(carried);
        }
        for (String item : asked) {
            if (entry.items().stream().anyMatch(i -> i.name().equals(item) && i.sensitivity() == Sensitivity.STATE_SECRET)) {
                throw new InvalidInputException("items", "state-secret-never-leaves", "'" + item + "' is a state secret"
                        + " and never leaves the platform (Art. 19)");
            }
            if (!carried.contains(item)) {
                throw new InvalidInputException("items", "unknown-item", "'" + item + "' is not an item of " + entry.code()
                        + "; its items are " + carried);
            }
        }
        return asked.stream().distinct().toList();
    }

    /** The filter as exact matches on items of the resource. */
    private static List<ItemFilter> filters(CatalogEntry entry, Map<String, Object> filter) {
        List<ItemFilter> filters = new ArrayList<>();
        filter.forEach((item, value) -> {
            if (entry.items().stream().noneMatch(i -> i.name().equals(item))) {
                throw new InvalidInputException("filter." + item, "unknown-item", "'" + item + "' is not an item of "
                        + entry.code());
            }
            if (value == null || String.valueOf(value).isBlank()) {
                throw new InvalidInputException("filter." + item, "required", "give the value '" + item + "' must equal");
            }
            filters.add(ItemFilter.equalTo(item, String.valueOf(value)));
        });
        return filters;
    }

    private byte[] document(String number, String title, Department issuer, CatalogEntry entry, Integer version,
                            String holder, Map<String, Object> record, Instant issuedAt) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", DocumentKind.ELECTRONIC_CERTIFICATE);
        document.put("number", number);
        document.put("title", title);
        document.put("issuer", Map.of("department", issuer.code(), "name", issuer.nameZh()));
        document.put("resource", Map.of("code", entry.code(), "name", entry.name()));
        document.put("dataVersion", version);
        document.put("holder", holder);
        document.put("record", record);
        document.put("issuedAt", issuedAt.toString());
        return write(document);
    }

    /** The licence for a person: its number, holder and record as labelled values, the issuer's seal at the end. */
    private byte[] pdf(String number, String title, Department issuer, CatalogEntry entry, Integer version, String holder,
                       Map<String, Object> record, Instant issuedAt) {
        List<LabelledSheetPdf.Line> about = List.of(new LabelledSheetPdf.Line("证照编号 Number", number),
                new LabelledSheetPdf.Line("持证主体 Holder", holder),
                new LabelledSheetPdf.Line("数据来源 Source", entry.code() + " " + entry.name() + " · v" + version));
        List<LabelledSheetPdf.Line> items = record.entrySet().stream().map(e -> new LabelledSheetPdf.Line(e.getKey(),
                e.getValue() == null ? null : String.valueOf(e.getValue()))).toList();
        return sheets.write(new LabelledSheetPdf.Sheet(issuer.nameZh(), number, title,
                List.of(new LabelledSheetPdf.Section(null, about), new LabelledSheetPdf.Section("证照信息 Particulars", items),
                        new LabelledSheetPdf.Section("核验 Verification", List.of(new LabelledSheetPdf.Line("证照状态 Status",
                                "/verify/ · GET /api/licences/" + number + "/status")))),
                issuedAt.atZone(today.zone()).toLocalDate()));
    }

    private byte[] write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a licence's document did not serialise as JSON", e);
        }
    }
}
