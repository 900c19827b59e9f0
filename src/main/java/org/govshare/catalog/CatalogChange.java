package org.govshare.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govshare.cases.Case;

/**
 * A change of law or duties a department recorded, which its catalog must follow (Art. 17 of the national regulation,
 * step {@code catalog-update-duty}): within {@code catalog-update} working days of the day it takes effect, or with
 * the authority's consent {@code catalog-update-extension} more.
 *
 * @param id            its case number, e.g. {@code ML-2026-000012}
 * @param basis         the law, regulation or decision that changed, e.g. 《户口登记条例》修订
 * @param description   what changed for the catalog
 * @param effectiveOn   the day the change takes effect; the update period counts from it
 * @param dueAt         the update deadline given, extended once at most; never recomputed
 * @param extensionDecision CONSENT or REFUSE once the authority decided an extension; null before
 * @param submissionIds the catalog submissions that answered it
 * @param overdue       whether the deadline passed unanswered (a CATALOG_NOT_UPDATED violation was recorded)
 */
public record CatalogChange(String id, String department, String basis, String description, LocalDate effectiveOn,
                            String recordedBy, Instant recordedAt, Instant dueAt, Status status, String extensionReason,
                            String extensionDecision, String extensionDecidedBy, Instant answeredAt, boolean overdue,
                            List<String> submissionIds, String processInstanceId) implements Case {

    public CatalogChange {
        submissionIds = submissionIds == null ? List.of() : List.copyOf(submissionIds);
    }

    public enum Status {
        /** The department has yet to update its catalog. */
        OPEN,
        /** The department asked for the longer period; the authority decides. */
        EXTENSION_ASKED,
        /** The department named the submissions that update its catalog. */
        ANSWERED
    }

    @Override
    public boolean concerns(String department) {
        return this.department.equals(department);
    }
}
