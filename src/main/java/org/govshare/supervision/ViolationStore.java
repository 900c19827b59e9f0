package org.govshare.supervision;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.cases.CaseRows;
import org.govshare.platform.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The violation register in the database. */
@Repository
class ViolationStore {

    private static final TypeReference<List<String>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final RowMapper<Violation> violation;
    private final CaseRows<Violation> rows;

    ViolationStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.violation = (rs, row) -> new Violation(rs.getString("id"), rs.getString("department"),
                ViolationType.valueOf(rs.getString("type")), rs.getString("article"), rs.getString("description"),
                rs.getString("evidence_type"), rs.getString("evidence_id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(), Violation.Source.valueOf(rs.getString("source")),
                rs.getString("recorded_by"), Violation.Status.valueOf(rs.getString("status")), rs.getString("subject"),
                rs.getObject("occurred_on", java.time.LocalDate.class), rs.getString("rule"),
                json.read(rs.getString("evidence"), EVIDENCE, "violation"), rs.getString("decided_by"),
                rs.getString("decision_reason"));
        this.rows = new CaseRows<>(jdbc, "violation", violation);
    }

    /**
     * Records a violation unless the same department, type, subject and day is recorded already (by another run, a
     * deadline timer or another node); false then, and nothing is written.
     */
    boolean insertOnce(Violation v) {
        return jdbc.update("""
                insert into violation (id, department, type, article, description, evidence_type, evidence_id, occurred_at,
                                       recorded_at, source, recorded_by, status, subject, occurred_on, rule, evidence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (department, type, subject, occurred_on) do nothing""",
                v.id(), v.department(), v.type().name(), v.article(), v.description(), v.evidenceType(), v.evidenceId(),
                Timestamp.from(v.occurredAt()), Timestamp.from(v.recordedAt()), v.source().name(), v.recordedBy(),
                v.status().name(), v.subject(), v.occurredOn(), v.rule(), json.write(v.evidence())) > 0;
    }

    /** The violation recorded for a department, type, subject and day, if any. */
    Optional<Violation> recorded(String department, ViolationType type, String subject, java.time.LocalDate on) {
        return jdbc.query("select * from violation where department = ? and type = ? and subject = ? and occurred_on = ?",
                violation, department, type.name(), subject, on).stream().findFirst();
    }

    /** A page of the violations of a department, or of all departments when it is null, newest first. */
    /** How many violations of a type the register holds, whatever their status. */
    long countOfType(ViolationType type) {
        Long count = jdbc.queryForObject("select count(*) from violation where type = ?", Long.class, type.name());
        return count == null ? 0 : count;
    }

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

    /** Records the authority's decision on a SUSPECTED violation; false if it is not SUSPECTED (any more). */
    boolean decide(String id, Violation.Status to, String by, java.time.Instant at, String reason) {
        return jdbc.update("update violation set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
                + " where id = ? and status = 'SUSPECTED'", to.name(), by, Timestamp.from(at), reason, id) > 0;
    }

    List<Violation> onEvidence(String evidenceType, String evidenceId) {
        return jdbc.query("select * from violation where evidence_type = ? and evidence_id = ? order by recorded_at",
                violation, evidenceType, evidenceId);
    }
}
