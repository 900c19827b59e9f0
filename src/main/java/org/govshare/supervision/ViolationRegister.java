package org.govshare.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.identity.Official;
import org.govshare.identity.Role;
import org.govshare.platform.CaseNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The register of violations (Art. 33). Processes record what the platform detects (a reply too late); the
 * rectification process of a later issue works from these records. A department sees its own; the authority and
 * supervisors see all.
 */
@Service
public class ViolationRegister {

    private static final RowMapper<Violation> VIOLATION = (rs, row) -> new Violation(rs.getString("id"),
            rs.getString("department"), ViolationType.valueOf(rs.getString("type")), rs.getString("article"),
            rs.getString("description"), rs.getString("evidence_type"), rs.getString("evidence_id"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
            Violation.Source.valueOf(rs.getString("source")), rs.getString("recorded_by"),
            Violation.Status.valueOf(rs.getString("status")));

    private final JdbcTemplate jdbc;
    private final CaseNumbers numbers;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ViolationRegister(JdbcTemplate jdbc, CaseNumbers numbers, AuditTrail auditTrail, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** A violation the platform detected itself, with the evidence it rests on. */
    public Violation recordDetected(String department, ViolationType type, String description, String evidenceType,
                                    String evidenceId, Instant occurredAt) {
        Violation violation = new Violation(numbers.next("WG"), department, type, type.article(), description,
                evidenceType, evidenceId, occurredAt, clock.instant(), Violation.Source.AUTOMATIC, "system",
                Violation.Status.OPEN);
        jdbc.update("""
                insert into violation (id, department, type, article, description, evidence_type, evidence_id, occurred_at,
                                       recorded_at, source, recorded_by, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                violation.id(), department, type.name(), type.article(), description, evidenceType, evidenceId,
                Timestamp.from(occurredAt), Timestamp.from(violation.recordedAt()), violation.source().name(),
                violation.recordedBy(), violation.status().name());
        auditTrail.record(AuditEntry.ok(AuditAction.VIOLATION_RECORDED, "violation", violation.id())
                .with("department", department).with("type", type).with("article", type.article())
                .with("evidence", evidenceType + ":" + evidenceId).with("source", violation.source()));
        return violation;
    }

    /** The violations an official may see: their department's, or all for the authority and supervisors. */
    public List<Violation> visibleTo(Official official, String department) {
        boolean overseer = official.has(Role.AUTHORITY) || official.has(Role.SUPERVISOR);
        if (department != null && !department.equals(official.department()) && !overseer) {
            throw new AccessDeniedException("a department sees its own violations; the authority and supervisors see all");
        }
        String only = department != null ? department : overseer ? null : official.department();
        return only == null ? jdbc.query("select * from violation order by recorded_at desc, id desc", VIOLATION)
                : jdbc.query("select * from violation where department = ? order by recorded_at desc, id desc", VIOLATION, only);
    }

    /** The violations recorded on a piece of evidence, e.g. a sharing request. */
    public List<Violation> onEvidence(String evidenceType, String evidenceId) {
        return jdbc.query("select * from violation where evidence_type = ? and evidence_id = ? order by recorded_at",
                VIOLATION, evidenceType, evidenceId);
    }
}
