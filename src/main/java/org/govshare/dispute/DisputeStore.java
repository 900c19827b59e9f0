package org.govshare.dispute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Disputes in the database; the claim, statements, meetings and ruling are JSON text. */
@Repository
class DisputeStore {

    private static final TypeReference<List<Dispute.Meeting>> MEETINGS = new TypeReference<>() { };
    private static final String TABLE = "dispute";

    private final JdbcTemplate jdbc;
    private final CaseRows<Dispute> rows;
    private final JsonColumns json;

    DisputeStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new CaseRows<>(jdbc, "dispute", this::dispute);
    }

    /** Stores a new open dispute; a second open dispute of the same request breaks the unique constraint. */
    void insert(Dispute d) {
        jdbc.update("""
                insert into dispute (id, request_id, open_for_request, applicant_department, provider_department, filed_by,
                    filed_at, claim, status, meetings, coordination)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.id(), d.requestId(), d.requestId(), d.applicantDepartment(), d.providerDepartment(), d.filedBy(),
                Timestamp.from(d.filedAt()), json.write(d.claim()), d.status().name(), json.write(d.meetings()),
                d.coordination() == null ? null : json.write(d.coordination()));
    }

    void setStatementDue(String id, Instant statementDue) {
        jdbc.update("update dispute set statement_due = ? where id = ?", Timestamp.from(statementDue), id);
    }

    void setStatement(String id, Dispute.Side side, Dispute.Statement statement) {
        jdbc.update("update dispute set " + (side == Dispute.Side.APPLICANT ? "applicant" : "provider")
                + "_statement = ? where id = ?", json.write(statement), id);
    }

    void markMissed(String id, Dispute.Side side) {
        jdbc.update("update dispute set " + (side == Dispute.Side.APPLICANT ? "applicant" : "provider")
                + "_missed = true where id = ?", id);
    }

    void setMeetings(String id, List<Dispute.Meeting> meetings) {
        jdbc.update("update dispute set meetings = ? where id = ?", json.write(meetings), id);
    }

    void setRuling(String id, Dispute.Ruling ruling) {
        jdbc.update("update dispute set ruling = ? where id = ?", json.write(ruling), id);
    }

    void setEscalationDue(String id, Instant due) {
        jdbc.update("update dispute set escalation_due = ? where id = ?", Timestamp.from(due), id);
    }

    void escalate(String id, Dispute.Escalation escalation) {
        jdbc.update("update dispute set escalation = ?, status = ? where id = ?", json.write(escalation),
                Dispute.Status.ESCALATED.name(), id);
    }

    void decide(String id, Dispute.GovernmentDecision decision, Instant at) {
        jdbc.update("update dispute set government_decision = ?, status = ?, closed_at = ? where id = ?",
                json.write(decision), Dispute.Status.DECIDED.name(), Timestamp.from(at), id);
    }

    void close(String id, Dispute.Status status, String grantId, Instant at) {
        jdbc.update("update dispute set status = ?, grant_id = ?, closed_at = ?, open_for_request = null where id = ?",
                status.name(), grantId, Timestamp.from(at), id);
    }

    CaseRows<Dispute> rows() {
        return rows;
    }

    /** The disputes of a request that were not withdrawn: open, or ruled. */
    List<Dispute> standingOf(String requestId) {
        return jdbc.query("select * from dispute where request_id = ? and status <> 'WITHDRAWN'", this::dispute, requestId);
    }

    /** Disputes a department is party to (null: all), optionally in one status, newest first. */
    List<Dispute> list(String department, Dispute.Status status, int page, int size) {
        return rows.newestFirst("filed_at", department, List.of("applicant_department", "provider_department"), status,
                page, size);
    }

    private Dispute dispute(ResultSet rs, int row) throws SQLException {
        return new Dispute(rs.getString("id"), rs.getString("request_id"), rs.getString("applicant_department"),
                rs.getString("provider_department"), rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
                json.read(rs.getString("claim"), Dispute.Claim.class, TABLE),
                Dispute.Status.valueOf(rs.getString("status")), instant(rs, "statement_due"),
                statement(rs.getString("applicant_statement")), statement(rs.getString("provider_statement")),
                rs.getBoolean("applicant_missed"), rs.getBoolean("provider_missed"),
                json.read(rs.getString("meetings"), MEETINGS, TABLE),
                rs.getString("ruling") == null ? null : json.read(rs.getString("ruling"), Dispute.Ruling.class, TABLE),
                rs.getString("grant_id"), json(rs, "coordination", Dispute.Coordination.class),
                instant(rs, "escalation_due"), json(rs, "escalation", Dispute.Escalation.class),
                json(rs, "government_decision", Dispute.GovernmentDecision.class), rs.getString("process_instance_id"),
                instant(rs, "closed_at"));
    }

    private <T> T json(ResultSet rs, String column, Class<T> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : json.read(text, type, TABLE);
    }

    private Dispute.Statement statement(String text) {
        return text == null ? null : json.read(text, Dispute.Statement.class, TABLE);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
