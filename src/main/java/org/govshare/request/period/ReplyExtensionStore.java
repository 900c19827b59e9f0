package org.govshare.request.period;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.govshare.cases.CaseRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reply extensions in the database, one row per sharing request. */
@Repository
class ReplyExtensionStore {

    private final JdbcTemplate jdbc;
    private final CaseRows<ReplyExtension> rows;

    ReplyExtensionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new CaseRows<>(jdbc, "reply_extension", ReplyExtensionStore::extension);
    }

    CaseRows<ReplyExtension> rows() {
        return rows;
    }

    void insert(ReplyExtension e) {
        jdbc.update("""
                insert into reply_extension (id, working_days, reasons, asked_by, asked_at, decision_due, status,
                    reply_due_before)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                e.id(), e.workingDays(), e.reasons(), e.askedBy(), Timestamp.from(e.askedAt()),
                Timestamp.from(e.decisionDue()), e.status().name(), Timestamp.from(e.replyDueBefore()));
    }

    void decide(String id, ReplyExtension.Status status, String by, Instant at, String reasons) {
        jdbc.update("update reply_extension set status = ?, decided_by = ?, decided_at = ?, decision_reasons = ? where id = ?",
                status.name(), by, Timestamp.from(at), reasons, id);
    }

    void applied(String id, Instant replyDue) {
        jdbc.update("update reply_extension set reply_due_after = ? where id = ?", Timestamp.from(replyDue), id);
    }

    private static ReplyExtension extension(ResultSet rs, int row) throws SQLException {
        return new ReplyExtension(rs.getString("id"), rs.getInt("working_days"), rs.getString("reasons"),
                rs.getString("asked_by"), instant(rs, "asked_at"), instant(rs, "decision_due"),
                ReplyExtension.Status.valueOf(rs.getString("status")), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_reasons"), instant(rs, "reply_due_before"), instant(rs, "reply_due_after"),
                rs.getString("process_instance_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
