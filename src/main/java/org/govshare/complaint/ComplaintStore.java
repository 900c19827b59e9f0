package org.govshare.complaint;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.govshare.supervision.ViolationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Complaints in the database; citations, file descriptions, the statement and the finding are JSON text. */
@Repository
class ComplaintStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Complaint.File>> FILES = new TypeReference<>() { };
    private static final String TABLE = "complaint";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final CaseRows<Complaint> rows;

    ComplaintStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, TABLE, this::complaint);
    }

    /**
     * Stores a new complaint and the bytes of its files, in the order of its file descriptions.
     *
     * @param sealedComplainant the public complainant, sealed; null for a department's own complaint (the complaint
     *                          carries the masked form)
     */
    void insert(Complaint c, List<byte[]> contents, String sealedComplainant) {
        Complaint.PublicComplainant masked = c.publicComplainant();
        jdbc.update("""
                insert into complaint (id, complainant_department, lodged_by, lodged_at, respondent_department,
                    violation_type, facts, occurred_on, cited_cases, cited_events, files, authority_department, status,
                    public_complainant_kind, public_complainant_masked, public_complainant_sealed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id(), c.complainantDepartment(), c.lodgedBy(), Timestamp.from(c.lodgedAt()), c.respondentDepartment(),
                c.violationType().name(), c.facts(), Date.valueOf(c.occurredOn()), json.write(c.citedCases()),
                json.write(c.citedEvents()), json.write(c.files()), c.authorityDepartment(), c.status().name(),
                masked == null ? null : masked.kind().name(), masked == null ? null : json.write(masked), sealedComplainant);
        for (int i = 0; i < contents.size(); i++) {
            jdbc.update("insert into complaint_file (complaint_id, n, content) values (?, ?, ?)", c.id(),
                    c.files().get(i).n(), contents.get(i));
        }
    }

    void setInvestigationDue(String id, Instant due) {
        jdbc.update("update complaint set investigation_due = ? where id = ?", Timestamp.from(due), id);
    }

    void markReminded(String id) {
        jdbc.update("update complaint set reminded = true where id = ?", id);
    }

    void markEscalated(String id) {
        jdbc.update("update complaint set escalated = true where id = ?", id);
    }

    void setStatementDue(String id, Instant due) {
        jdbc.update("update complaint set statement_due = ? where id = ?", Timestamp.from(due), id);
    }

    void setStatement(String id, Complaint.Statement statement) {
        jdbc.update("update complaint set statement = ? where id = ?", json.write(statement), id);
    }

    void markStatementMissed(String id) {
        jdbc.update("update complaint set statement_missed = true where id = ?", id);
    }

    void setFinding(String id, Complaint.Finding finding) {
        jdbc.update("update complaint set finding = ? where id = ?", json.write(finding), id);
    }

    void close(String id, Complaint.Status status, String violationId, Instant at) {
        jdbc.update("update complaint set status = ?, violation_id = ?, closed_at = ? where id = ?", status.name(),
                violationId, Timestamp.from(at), id);
    }

    /** The public complainant as sealed, read only to be opened for the authority handling the complaint. */
    String sealedComplainant(String id) {
        return jdbc.queryForObject("select public_complainant_sealed from complaint where id = ?", String.class, id);
    }

    byte[] file(String id, int n) {
        return jdbc.query("select content from complaint_file where complaint_id = ? and n = ?",
                (rs, row) -> rs.getBytes(1), id, n).stream().findFirst().orElse(null);
    }

    CaseRows<Complaint> rows() {
        return rows;
    }

    /** Complaints a department lodged or answers (null: all), optionally in one status, newest first. */
    List<Complaint> list(String department, Complaint.Status status, int page, int size) {
        return rows.newestFirst("lodged_at", department, List.of("complainant_department", "respondent_department"),
                status, page, size);
    }

    private Complaint complaint(ResultSet rs, int row) throws SQLException {
        return new Complaint(rs.getString("id"), rs.getString("complainant_department"), rs.getString("lodged_by"),
                rs.getTimestamp("lodged_at").toInstant(), rs.getString("respondent_department"),
                ViolationType.valueOf(rs.getString("violation_type")), rs.getString("facts"),
                rs.getDate("occurred_on").toLocalDate(), json.read(rs.getString("cited_cases"), STRINGS, TABLE),
                json.read(rs.getString("cited_events"), STRINGS, TABLE), json.read(rs.getString("files"), FILES, TABLE),
                rs.getString("authority_department"), Complaint.Status.valueOf(rs.getString("status")),
                instant(rs, "investigation_due"), rs.getBoolean("reminded"), rs.getBoolean("escalated"),
                instant(rs, "statement_due"),
                rs.getString("statement") == null ? null
                        : json.read(rs.getString("statement"), Complaint.Statement.class, TABLE),
                rs.getBoolean("statement_missed"),
                rs.getString("finding") == null ? null : json.read(rs.getString("finding"), Complaint.Finding.class, TABLE),
                rs.getString("violation_id"),
                rs.getString("public_complainant_masked") == null ? null
                        : json.read(rs.getString("public_complainant_masked"), Complaint.PublicComplainant.class, TABLE),
                rs.getString("process_instance_id"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
