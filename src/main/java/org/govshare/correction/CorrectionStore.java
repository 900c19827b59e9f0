package org.govshare.correction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Error reports in the database, their evidence with them (read only when downloaded). */
@Repository
class CorrectionStore {

    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() { };
    private static final String COLUMNS = """
            id, process_instance_id, resource_code, resource_name, provider_department, reporter_department, reported_by,
            reported_at, data_version, record_key, key_values, item, problem, proposed, evidence_name, evidence_type, evidence_size,
            status, triaged_by, triage_reasons, verification_due, reminder_at, reminded, overdue, outcome, answered_by,
            answer_reasons, corrected_version, closed_at, published, grant_id""";

    private final JdbcTemplate jdbc;
    private final CaseRows<ErrorReport> rows;
    private final JsonColumns json;

    CorrectionStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "error_report", COLUMNS, this::report);
    }

    void insert(ErrorReport r, byte[] evidence) {
        jdbc.update("""
                insert into error_report (id, resource_code, resource_name, provider_department, reporter_department,
                    reported_by, reported_at, data_version, record_key, key_values, item, problem, proposed, evidence_name, evidence_type,
                    evidence_size, evidence, status, grant_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.resourceCode(), r.resourceName(), r.providerDepartment(), r.reporterDepartment(), r.reportedBy(),
                Timestamp.from(r.reportedAt()), r.dataVersion(), r.recordKey(), json.write(r.keyValues()), r.item(), r.problem(), r.proposed(),
                r.evidence().name(), r.evidence().type(), r.evidence().size(), evidence, r.status().name(), r.grantId());
    }

    void setTriage(String id, String by, String reasons, ErrorReport.Status status, Instant due, Instant reminderAt) {
        jdbc.update("""
                update error_report set triaged_by = ?, triage_reasons = ?, status = ?, verification_due = ?, reminder_at = ?
                where id = ?""", by, reasons, status.name(), timestamp(due), timestamp(reminderAt), id);
    }

    void setAnswer(String id, ErrorReport.Outcome outcome, String by, String reasons, Integer version) {
        jdbc.update("update error_report set outcome = ?, answered_by = ?, answer_reasons = ?, corrected_version = ? where id = ?",
                outcome.name(), by, reasons, version, id);
    }

    void markReminded(String id) {
        jdbc.update("update error_report set reminded = true where id = ?", id);
    }

    void markOverdue(String id) {
        jdbc.update("update error_report set overdue = true where id = ?", id);
    }

    void publish(String id) {
        jdbc.update("update error_report set published = true where id = ?", id);
    }

    void close(String id, Instant at) {
        jdbc.update("update error_report set status = 'CLOSED', closed_at = ? where id = ?", Timestamp.from(at), id);
    }

    byte[] evidence(String id) {
        return jdbc.queryForObject("select evidence from error_report where id = ?", byte[].class, id);
    }

    /** The open reports of a resource: stored record key → their case numbers, oldest first. */
    Map<String, List<String>> openByKey(String resourceCode, String seenBy, String underGrant) {
        Map<String, List<String>> open = new LinkedHashMap<>();
        jdbc.query("select record_key, id from error_report where resource_code = ? and status <> 'CLOSED'"
                        + " and ((reporter_department = ? and grant_id = ?) or published) order by reported_at, id",
                rs -> {
                    open.computeIfAbsent(rs.getString("record_key"), k -> new ArrayList<>()).add(rs.getString("id"));
                }, resourceCode, seenBy, underGrant);
        return open;
    }

    /** Reports a department made or received (null: all), newest first. */
    List<ErrorReport> list(String department, ErrorReport.Status status, int page, int size) {
        return rows.newestFirst("reported_at", department, List.of("reporter_department", "provider_department"), status,
                page, size);
    }

    private ErrorReport report(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ErrorReport(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("resource_code"),
                rs.getString("resource_name"), rs.getString("provider_department"), rs.getString("reporter_department"),
                rs.getString("reported_by"), instant(rs, "reported_at"), rs.getInt("data_version"), rs.getString("record_key"),
                json.read(rs.getString("key_values"), VALUES, "error_report"), rs.getString("item"), rs.getString("problem"),
                rs.getString("proposed"), new ErrorReport.Evidence(rs.getString("evidence_name"),
                        rs.getString("evidence_type"), rs.getLong("evidence_size")),
                ErrorReport.Status.valueOf(rs.getString("status")), rs.getString("triaged_by"), rs.getString("triage_reasons"),
                instant(rs, "verification_due"), instant(rs, "reminder_at"), rs.getBoolean("reminded"), rs.getBoolean("overdue"),
                outcome == null ? null : ErrorReport.Outcome.valueOf(outcome), rs.getString("answered_by"),
                rs.getString("answer_reasons"), (Integer) rs.getObject("corrected_version"), instant(rs, "closed_at"),
                rs.getBoolean("published"), rs.getString("grant_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    CaseRows<ErrorReport> rows() {
        return rows;
    }
}
