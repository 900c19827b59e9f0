package org.govshare.supervision;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.govshare.cases.CaseRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The violation register in the database. */
@Repository
class ViolationStore {

    private static final RowMapper<Violation> VIOLATION = (rs, row) -> new Violation(rs.getString("id"),
            rs.getString("department"), ViolationType.valueOf(rs.getString("type")), rs.getString("article"),
            rs.getString("description"), rs.getString("evidence_type"), rs.getString("evidence_id"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
            Violation.Source.valueOf(rs.getString("source")), rs.getString("recorded_by"),
            Violation.Status.valueOf(rs.getString("status")));

    private final JdbcTemplate jdbc;
    private final CaseRows<Violation> rows;

    ViolationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new CaseRows<>(jdbc, "violation", VIOLATION);
    }

    void insert(Violation v) {
        jdbc.update("""
                insert into violation (id, department, type, article, description, evidence_type, evidence_id, occurred_at,
                                       recorded_at, source, recorded_by, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                v.id(), v.department(), v.type().name(), v.article(), v.description(), v.evidenceType(), v.evidenceId(),
                Timestamp.from(v.occurredAt()), Timestamp.from(v.recordedAt()), v.source().name(), v.recordedBy(),
                v.status().name());
    }

    /** A page of the violations of a department, or of all departments when it is null, newest first. */
    List<Violation> page(String department, int page, int size) {
        return rows.newestFirst("recorded_at", department, List.of("department"), null, page, size);
    }

    Optional<Violation> find(String id) {
        return rows.find(id);
    }

    /** Moves a violation from one status to another; false if it was not in the status expected. */
    boolean move(String id, Violation.Status from, Violation.Status to) {
        return jdbc.update("update violation set status = ? where id = ? and status = ?", to.name(), id, from.name()) > 0;
    }

    List<Violation> onEvidence(String evidenceType, String evidenceId) {
        return jdbc.query("select * from violation where evidence_type = ? and evidence_id = ? order by recorded_at",
                VIOLATION, evidenceType, evidenceId);
    }
}
