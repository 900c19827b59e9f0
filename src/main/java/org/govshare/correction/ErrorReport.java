package org.govshare.correction;

import java.time.Instant;
import java.util.Map;

import org.govshare.cases.Case;

/**
 * A consumer's report that shared data is wrong (Art. 21), and what became of it.
 *
 * @param id the case number, e.g. {@code JC-2026-000001}; the process's business key
 * @param dataVersion the data version current when the report was made; a correction is a later one
 * @param recordKey the record's stored key (the key items' normalised values); not shown to the reporting side, whose
 *                  grant may not show the key
 * @param keyValues the values the reporter named the record by: items its grant lets it match exactly
 * @param item the item the reporter says is wrong
 * @param problem what is wrong
 * @param proposed the value the reporter believes right (may be empty)
 * @param evidence the attached file's name, media type and size (its bytes: {@code GET /api/corrections/{id}/evidence})
 * @param triagedBy the authority's official who forwarded or closed it
 * @param triageReasons why it was closed as not an error
 * @param verificationDue the provider's deadline (forwarded reports)
 * @param outcome NOT_AN_ERROR, CORRECTED or EXPLAINED
 * @param answerReasons the provider's explanation (EXPLAINED) or note (CORRECTED)
 * @param correctedVersion the data version that carries the correction (CORRECTED)
 * @param published whether the provider published it as "under verification" to every consumer of the resource;
 *                  otherwise only the reporting department sees its mark on the record
 * @param grantId the reporter's grant the report was made under; its mark shows on reads under that grant
 */
public record ErrorReport(String id, String processInstanceId, String resourceCode, String resourceName,
                          String providerDepartment, String reporterDepartment, String reportedBy, Instant reportedAt,
                          int dataVersion, String recordKey, Map<String, Object> keyValues, String item, String problem, String proposed,
                          Evidence evidence, Status status, String triagedBy, String triageReasons,
                          Instant verificationDue, Instant reminderAt, boolean reminded, boolean overdue, Outcome outcome,
                          String answeredBy, String answerReasons, Integer correctedVersion, Instant closedAt,
                          boolean published, String grantId) implements Case {

    @Override
    public boolean concerns(String department) {
        return reporterDepartment.equals(department) || providerDepartment.equals(department);
    }

    public enum Status { REPORTED, IN_VERIFICATION, CLOSED }

    public enum Outcome { NOT_AN_ERROR, CORRECTED, EXPLAINED }

    /** The attached evidence, without its bytes. */
    public record Evidence(String name, String type, long size) {
    }

    public boolean open() {
        return status != Status.CLOSED;
    }

    /** The report as its reporting department sees it: without the stored key, which its grant may not show. */
    ErrorReport withoutRecordKey() {
        return new ErrorReport(id, processInstanceId, resourceCode, resourceName, providerDepartment, reporterDepartment,
                reportedBy, reportedAt, dataVersion, null, keyValues, item, problem, proposed, evidence, status, triagedBy,
                triageReasons, verificationDue, reminderAt, reminded, overdue, outcome, answeredBy, answerReasons,
                correctedVersion, closedAt, published, grantId);
    }
}
