package org.govshare.catalog;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.identity.Official;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.InvalidInputException.InputError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's catalog delivered as a spreadsheet (the template in {@code docs/catalog-template.md}). All or
 * nothing: every row is read and checked as a single submission would be; any problem refuses the whole file
 * with a row-by-row report, and nothing is stored. Good files become submissions that go through review.
 */
@Service
public class CatalogImport {

    private final Catalog catalog;
    private final CatalogChecks checks;
    private final AuditTrail auditTrail;
    private final AssessmentChecks assessments;

    CatalogImport(Catalog catalog, CatalogChecks checks, AuditTrail auditTrail, AssessmentChecks assessments) {
        this.catalog = catalog;
        this.checks = checks;
        this.auditTrail = auditTrail;
        this.assessments = assessments;
    }

    /**
     * What is wrong with one row of an uploaded file.
     *
     * @param row the spreadsheet row (the header is row 1)
     * @param column the spreadsheet column letter in the uploaded file
     */
    public record RowError(int row, String column, String field, String rule, String message) implements InputError {
    }

    /** An accepted file: each row became a submission now in review. */
    public record ImportReport(String fileName, int rows, List<Submission> submissions) {
    }

    @Transactional
    public ImportReport importFile(Official by, String fileName, InputStream content) {
        Catalog.requireProvider(by, null);
        assessments.refuseWithoutReports("a spreadsheet row");
        List<CatalogSheet.Row> rows = CatalogSheet.read(content, fileName);
        List<RowError> errors = new ArrayList<>();
        List<CatalogChecks.Checked> accepted = new ArrayList<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (CatalogSheet.Row row : rows) {
            row.errors().forEach(e -> errors.add(new RowError(e.row(), e.column(), e.field(), e.rule(), e.message())));
            if (row.entry() != null) {
                check(by, row, firstRowOfCode, errors).ifPresent(accepted::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Submission> submissions = accepted.stream().map(checked -> catalog.submitChecked(by, checked)).toList();
        auditTrail.record(AuditEntry.ok(AuditAction.CATALOG_IMPORTED, "catalog-import", fileName)
                .with("rows", rows.size()).with("submissions", submissions.stream().map(Submission::id).toList()));
        return new ImportReport(fileName, rows.size(), submissions);
    }

    private java.util.Optional<CatalogChecks.Checked> check(Official by, CatalogSheet.Row row,
                                                            Map<String, Integer> firstRowOfCode, List<RowError> errors) {
        CatalogEntry entry = row.entry();
        int before = errors.size();
        if (!by.department().equals(entry.providerDepartment())) {
            errors.add(rowError(row, "providerDepartment", "provider-is-importer", "a department imports its own catalog: "
                    + entry.providerDepartment() + " is not " + by.department()));
        }
        Integer first = firstRowOfCode.putIfAbsent(entry.code(), row.rowNumber());
        if (first != null) {
            errors.add(rowError(row, "code", "code-unique-in-file", "the code " + entry.code() + " is also in row " + first));
        }
        catalog.clash(by.department(), entry.code())
                .ifPresent(clash -> errors.add(rowError(row, clash.field(), clash.rule(), clash.getMessage())));
        try {
            CatalogChecks.Checked checked = checks.check(entry);
            return errors.size() == before ? java.util.Optional.of(checked) : java.util.Optional.empty();
        } catch (InvalidInputException refused) {
            refused.errors().forEach(e -> errors.add(rowError(row, e.field(), e.rule(), e.message())));
            return java.util.Optional.empty();
        }
    }

    private static RowError rowError(CatalogSheet.Row row, String field, String rule, String message) {
        return new RowError(row.rowNumber(), row.letterOf(field), field, rule, message);
    }
}
