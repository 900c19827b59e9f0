package org.govshare.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govshare.cases.CaseRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Rectifications and their case files in the database. */
@Repository
class RectificationStore {

    private static final RowMapper<Rectification.Step> STEP = (rs, row) -> new Rectification.Step(rs.getInt("seq"),
            rs.getString("kind"), rs.getString("actor"), instant(rs, "recorded_at"), rs.getString("decision"),
            rs.getString("body"), rs.getString("evidence"), instant(rs, "due"));

    private final JdbcTemplate jdbc;
    private final CaseRows<Rectification> rows;

    RectificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new CaseRows<>(jdbc, "rectification", this::rectification);
    }

    void insert(Rectification r) {
        jdbc.update("""
                insert into rectification (id, violation_id, department, status, attempt, started_by, started_at)
                values (?, ?, ?, ?, ?, ?, ?)""", r.id(), r.violationId(), r.department(), r.status().name(), r.attempt(),
                r.startedBy(), Timestamp.from(r.startedAt()));
    }

    Optional<Rectification> ofViolation(String violationId) {
        return jdbc.query("select * from rectification where violation_id = ?", this::rectification, violationId)
                .stream().findFirst();
    }

    void setDeadline(String id, int attempt, Instant due) {
        jdbc.update("update rectification set attempt = ?, report_due = ?, status = ? where id = ?", attempt,
                Timestamp.from(due), Rectification.Status.AWAITING_REPORT.name(), id);
    }

    void setStatus(String id, Rectification.Status status) {
        jdbc.update("update rectification set status = ? where id = ?", status.name(), id);
    }

    void setCriticismText(String id, String text) {
        jdbc.update("update rectification set criticism_text = ? where id = ?", text, id);
    }

    void publishCriticism(String id, String by, Instant at) {
        jdbc.update("update rectification set criticism_published_at = ?, criticism_published_by = ? where id = ?",
                Timestamp.from(at), by, id);
    }

    void close(String id, Rectification.Status status, String referralOutcome, Instant at) {
        jdbc.update("update rectification set status = ?, referral_outcome = ?, closed_at = ? where id = ?", status.name(),
                referralOutcome, Timestamp.from(at), id);
    }

    void addStep(String id, String kind, String actor, Instant at, String decision, String body, String evidence,
                 Instant due) {
        Integer seq = jdbc.queryForObject("select coalesce(max(seq), 0) + 1 from rectification_step where rectification_id = ?",
                Integer.class, id);
        jdbc.update("""
                insert into rectification_step (rectification_id, seq, kind, actor, recorded_at, decision, body, evidence, due)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, seq, kind, actor, Timestamp.from(at), decision, body, evidence,
                due == null ? null : Timestamp.from(due));
    }

    List<Rectification.Step> steps(String id) {
        return jdbc.query("select * from rectification_step where rectification_id = ? order by seq", STEP, id);
    }

    List<Rectification> list(String department, Rectification.Status status, int page, int size) {
        return rows.newestFirst("started_at", department, List.of("department"), status, page, size);
    }

    List<Rectification.Criticism> criticisms(int page, int size) {
        return jdbc.query("""
                select r.id, r.violation_id, r.department, v.type, v.article, r.criticism_text, r.criticism_published_at,
                       r.criticism_published_by
                from rectification r join violation v on v.id = r.violation_id
                where r.criticism_published_at is not null
                order by r.criticism_published_at desc, r.id desc limit ? offset ?""",
                (rs, row) -> new Rectification.Criticism(rs.getString(1), rs.getString(2), rs.getString(3),
                        ViolationType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), instant(rs, "criticism_published_at"),
                        rs.getString(8)), size, (long) page * size);
    }

    private Rectification rectification(ResultSet rs, int row) throws SQLException {
        return new Rectification(rs.getString("id"), rs.getString("violation_id"), rs.getString("department"),
                rs.getString("process_instance_id"), Rectification.Status.valueOf(rs.getString("status")),
                rs.getInt("attempt"), instant(rs, "report_due"), rs.getString("started_by"), instant(rs, "started_at"),
                rs.getString("criticism_text"), instant(rs, "criticism_published_at"),
                rs.getString("criticism_published_by"), rs.getString("referral_outcome"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    CaseRows<Rectification> rows() {
        return rows;
    }
}
