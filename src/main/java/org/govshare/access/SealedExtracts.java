package org.govshare.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntry;
import org.govshare.dataset.ItemFilter;
import org.govshare.identity.Caller;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.pdf.LabelledSheetPdf;
import org.govshare.platform.web.Paging;
import org.govshare.seal.DocumentKind;
import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealFormat;
import org.govshare.seal.SealRequest;
import org.govshare.seal.SealedZip;
import org.govshare.seal.Sealing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read kept as evidence (Art. 22, 23): the very answer of {@link DataAccess#read} (its checks, masking, paging,
 * refusals and read audit, nothing more), written down as {@code extract.json} with the grant, purpose, data version
 * and time, and sealed with the provider department's seal, so that a consumer can show a third party what it was
 * given, by whom, and that not a byte has changed. The register files the seal under {@code grant:<id>}.
 */
@Service
public class SealedExtracts {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The extract's file name inside the ZIP. */
    public static final String DOCUMENT = "extract.json";

    private final DataAccess access;
    private final Catalog catalog;
    private final Sealing sealing;
    private final SealedZip zip;
    private final AuditTrail auditTrail;
    private final ObjectMapper json;
    private final Clock clock;
    private final DepartmentDirectory departments;
    private final LabelledSheetPdf sheets;

    SealedExtracts(DataAccess access, Catalog catalog, Sealing sealing, SealedZip zip, AuditTrail auditTrail,
                   ObjectMapper json, Clock clock, DepartmentDirectory departments, LabelledSheetPdf sheets) {
        this.departments = departments;
        this.sheets = sheets;
        this.access = access;
        this.catalog = catalog;
        this.sealing = sealing;
        this.zip = zip;
        this.auditTrail = auditTrail;
        this.json = json.copy();
        this.clock = clock;
    }

    /** What the caller asks the extract to be. */
    public enum Packaging { JSON, PDF }

    /** A sealed extract: the ZIP (JSON) or the sealed PDF, and its file name. */
    public record Extract(String fileName, String contentType, byte[] content, String registerId) {
    }

    /**
     * Reads as {@link DataAccess#read} does and seals what it answered. The packaging is checked before the read, so
     * a packaging the platform cannot make costs the caller no read (and no read is recorded).
     *
     * @param format {@code json} (default) or {@code pdf}
     * @param seal {@code cms} (default) or {@code ses}, for the JSON
     * @param algorithm {@code sm2} or {@code ecdsa}; null: as the settings choose for data extracts
     */
    @Transactional
    public Extract extract(Caller caller, String resourceCode, String purpose, List<String> items,
                           List<ItemFilter> filters, List<SortKey> sort, Paging paging, String format, String seal,
                           String algorithm) {
        Packaging packaging = choice(Packaging.class, "format", format, Packaging.JSON);
        SealFormat sealFormat = packaging == Packaging.PDF ? SealFormat.PADES
                : choice(SealFormat.class, "seal", seal, SealFormat.CMS);
        if (sealFormat == SealFormat.PADES && seal != null) {
            throw new InvalidInputException("seal", "unknown-value", "'seal' chooses the JSON extract's seal, cms or ses;"
                    + " a PDF extract is sealed with PAdES whatever it says");
        }
        SealAlgorithm chosen = algorithm == null ? null : choice(SealAlgorithm.class, "algorithm", algorithm, null);
        if (!sealing.offers(sealFormat)) {
            throw new InvalidInputException(packaging == Packaging.PDF ? "format" : "seal", "seal-format-unavailable",
                    sealFormat + " seals are not available on this platform; ask for format=json with seal=cms");
        }

        DataAnswer answer = access.read(caller, resourceCode, purpose, items, filters, sort, paging);
        CatalogEntry entry = catalog.current(resourceCode).orElseThrow().entry();
        String provider = entry.providerDepartment();
        Instant extractedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String title = "数据摘录 Data extract " + resourceCode + " (" + answer.grant() + ")";
        byte[] document = packaging == Packaging.PDF ? pdf(caller, entry, answer, filters, sort, extractedAt)
                : document(caller, entry, answer, filters, sort, extractedAt);
        SealRequest request = new SealRequest(DocumentKind.DATA_EXTRACT, provider, "grant:" + answer.grant(), title);
        Sealing.Sealed sealed = chosen == null ? sealing.seal(document, sealFormat, request)
                : sealing.seal(document, sealFormat, request, chosen);
        auditTrail.record(AuditEntry.ok(AuditAction.EXTRACT_SEALED, "resource", resourceCode)
                .with("grant", answer.grant()).with("provider", provider).with("format", packaging)
                .with("seal", sealed.format()).with("algorithm", sealed.algorithm()).with("sealRecord", sealed.registerId())
                .with("documentHash", sealed.documentHash()).with("records", answer.records().size())
                .with("dataVersion", answer.dataVersion() == null ? "live" : answer.dataVersion()));
        String name = "extract-" + resourceCode.replace('/', '-') + "-" + sealed.registerId();
        if (packaging == Packaging.PDF) {
            return new Extract(name + ".pdf", "application/pdf", sealed.seal(), sealed.registerId());
        }
        return new Extract(name + ".zip", "application/zip", zip.zip(DOCUMENT, "数据摘录 Data extract", document, sealed),
                sealed.registerId());
    }

    /** The extract for a person: what it is, then each record as labelled values, the provider's seal at the end. */
    private byte[] pdf(Caller caller, CatalogEntry entry, DataAnswer answer, List<ItemFilter> filters, List<SortKey> sort,
                       Instant extractedAt) {
        String provider = departments.find(entry.providerDepartment()).map(Department::nameZh)
                .orElse(entry.providerDepartment());
        List<LabelledSheetPdf.Line> about = List.of(
                new LabelledSheetPdf.Line("资源 Resource", entry.code() + " " + entry.name()),
                new LabelledSheetPdf.Line("共享授权 Grant", answer.grant()),
                new LabelledSheetPdf.Line("使用部门 Consumer", caller.department() + " · " + caller.id()),
                new LabelledSheetPdf.Line("用途 Purpose", answer.purpose()),
                new LabelledSheetPdf.Line("数据版本 Data version", (answer.dataVersion() == null ? "live"
                        : String.valueOf(answer.dataVersion())) + (answer.dataAsOf() == null ? "" : " · " + answer.dataAsOf())),
                new LabelledSheetPdf.Line("摘录时间 Extracted at", extractedAt.toString()),
                new LabelledSheetPdf.Line("筛选 Filters", String.join("; ", DataAccess.describe(filters))),
                new LabelledSheetPdf.Line("排序 Order", String.join(", ", DataAccess.describeSort(sort))),
                new LabelledSheetPdf.Line("记录 Records", "第 " + answer.page() + " 页，每页 " + answer.size() + " 条，共 "
                        + (answer.total() == null ? "?" : answer.total()) + " 条 · page " + answer.page() + " of size "
                        + answer.size() + ", " + answer.records().size() + " here"),
                new LabelledSheetPdf.Line("遮蔽项 Masked", String.join("、", answer.masked())));
        List<LabelledSheetPdf.Section> sections = new java.util.ArrayList<>();
        sections.add(new LabelledSheetPdf.Section(null, about));
        for (int i = 0; i < answer.records().size(); i++) {
            sections.add(new LabelledSheetPdf.Section("记录 Record " + (i + 1), answer.records().get(i).entrySet().stream()
                    .map(e -> new LabelledSheetPdf.Line(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())))
                    .toList()));
        }
        return sheets.write(new LabelledSheetPdf.Sheet(provider, "数据摘录 " + answer.grant(),
                "数据摘录 Data extract · " + entry.name(), sections, extractedAt.atZone(BEIJING).toLocalDate()));
    }

    /** extract.json: what was read, under which grant, for what, from which version, when; the rows as answered. */
    private byte[] document(Caller caller, CatalogEntry entry, DataAnswer answer, List<ItemFilter> filters,
                            List<SortKey> sort, Instant extractedAt) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", DocumentKind.DATA_EXTRACT);
        document.put("grant", answer.grant());
        document.put("consumer", Map.of("department", caller.department(), "caller", caller.id()));
        document.put("provider", entry.providerDepartment());
        document.put("resource", Map.of("code", entry.code(), "name", entry.name()));
        document.put("purpose", answer.purpose());
        document.put("dataVersion", answer.dataVersion() == null ? "live" : answer.dataVersion());
        document.put("dataAsOf", answer.dataAsOf() == null ? null : answer.dataAsOf().toString());
        document.put("extractedAt", extractedAt.toString());
        document.put("filters", DataAccess.describe(filters));
        document.put("sort", DataAccess.describeSort(sort));
        document.put("page", answer.page());
        document.put("size", answer.size());
        document.put("total", answer.total());
        document.put("items", answer.items());
        document.put("masked", answer.masked());
        document.put("records", answer.records());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a data answer did not serialise as JSON", e);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new InvalidInputException(field, "unknown-value", "'" + value + "' is not one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}
