package org.govshare.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.govshare.cases.CaseRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The changes of law or duties departments recorded (Art. 17 of the national regulation) and what answered them. */
@Repository
class CatalogChangeStore {

    private final JdbcTemplate jdbc;
    private final CaseRows<CatalogChange> rows;

    CatalogChangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new CaseRows<>(jdbc, "catalog_change", this::change);
    }

    CaseRows<CatalogChange> rows() {
        return rows;
    }

    void insert(CatalogChange c) {
        jdbc.update("""
                insert into catalog_change (id, department, basis, description, effective_on, recorded_by, recorded_at,
                                            due_at, status, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), c.department(), c.basis(), c.description(),
                c.effectiveOn(), c.recordedBy(), utc(c.recordedAt()), utc(c.dueAt()), c.status().name(), utc(Instant.now()));
    }

    void askExtension(String id, String reason) {
        jdbc.update("update catalog_change set status = 'EXTENSION_ASKED', extension_reason = ?, updated_at = ? where id = ?",
                reason, utc(Instant.now()), id);
    }

    void decideExtension(String id, String decision, String by, Instant due) {
        jdbc.update("update catalog_change set status = 'OPEN', extension_decision = ?, extension_decided_by = ?,"
                + " due_at = ?, updated_at = ? where id = ?", decision, by, utc(due), utc(Instant.now()), id);
    }

    void answer(String id, List<String> submissionIds, Instant at) {
        jdbc.update("update catalog_change set status = 'ANSWERED', answered_at = ?, updated_at = ? where id = ?",
                utc(at), utc(Instant.now()), id);
        submissionIds.forEach(s -> jdbc.update("insert into catalog_change_submission (change_id, submission_id) values (?, ?)",
                id, s));
    }

    void markOverdue(String id) {
        jdbc.update("update catalog_change set overdue = true, updated_at = ? where id = ?", utc(Instant.now()), id);
    }

    List<CatalogChange> of(String department, int page, int size) {
        return rows.newestFirst("recorded_at", department, List.of("department"), null, page, size);
    }

    private CatalogChange change(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
        return new CatalogChange(id, rs.getString("department"), rs.getString("basis"), rs.getString("description"),
                rs.getObject("effective_on", java.time.LocalDate.class), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(), CatalogChange.Status.valueOf(rs.getString("status")),
                rs.getString("extension_reason"), rs.getString("extension_decision"), rs.getString("extension_decided_by"),
                answered == null ? null : answered.toInstant(), rs.getBoolean("overdue"),
                jdbc.queryForList("select submission_id from catalog_change_submission where change_id = ? order by submission_id",
                        String.class, id), rs.getString("process_instance_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
