package org.govshare.suspension;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govshare.cases.CaseRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Suspensions and the grants they hold, in the database. */
@Repository
class SuspensionStore {

    private final JdbcTemplate jdbc;
    private final CaseRows<Suspension> rows;

    SuspensionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new CaseRows<>(jdbc, "sharing_suspension", this::suspension);
    }

    CaseRows<Suspension> rows() {
        return rows;
    }

    void insert(Suspension s) {
        jdbc.update("""
                insert into sharing_suspension (id, department, suspender_department, by_authority, scope, reasons, status,
                                                suspended_by, suspended_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", s.id(), s.department(), s.suspenderDepartment(), s.byAuthority(),
                s.scope().name(), s.reasons(), s.status().name(), s.suspendedBy(), Timestamp.from(s.suspendedAt()));
        s.grants().forEach(g -> jdbc.update("insert into sharing_suspension_grant (suspension_id, grant_id,"
                + " provider_department) values (?, ?, ?)", s.id(), g.grantId(), g.providerDepartment()));
    }

    /** Serialises suspensions of one department, so that no grant is suspended twice at once. */
    void lockDepartment(String department) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('sharing_suspension:' || ?))", department);
    }

    /** The open suspension holding a grant, if any. */
    Optional<String> suspending(String grantId) {
        return jdbc.queryForList("select s.id from sharing_suspension s join sharing_suspension_grant g on g.suspension_id = s.id"
                + " where g.grant_id = ? and s.status in ('AWAITING_REPORT', 'AWAITING_VERIFICATION') order by s.id",
                String.class, grantId).stream().findFirst();
    }

    void setDue(String id, Instant due) {
        jdbc.update("update sharing_suspension set rectification_due = ? where id = ?", Timestamp.from(due), id);
    }

    void setReport(String id, String report, String by, Instant at) {
        jdbc.update("update sharing_suspension set report = ?, reported_by = ?, reported_at = ?, status = 'AWAITING_VERIFICATION'"
                + " where id = ?", report, by, Timestamp.from(at), id);
    }

    void setDecision(String id, String reasons, String by) {
        jdbc.update("update sharing_suspension set decision_reasons = ?, decided_by = ? where id = ?", reasons, by, id);
    }

    void close(String id, Suspension.Status status, Instant at) {
        jdbc.update("update sharing_suspension set status = ?, closed_at = ? where id = ?", status.name(), Timestamp.from(at), id);
    }

    private Suspension suspension(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<Suspension.Held> held = jdbc.query("select grant_id, provider_department from sharing_suspension_grant"
                + " where suspension_id = ? order by grant_id", (g, n) -> new Suspension.Held(g.getString(1), g.getString(2)), id);
        return new Suspension(id, rs.getString("department"), rs.getString("suspender_department"),
                rs.getBoolean("by_authority"), Suspension.Scope.valueOf(rs.getString("scope")), rs.getString("reasons"),
                Suspension.Status.valueOf(rs.getString("status")), rs.getString("suspended_by"), instant(rs, "suspended_at"),
                instant(rs, "rectification_due"), rs.getString("report"), rs.getString("reported_by"),
                instant(rs, "reported_at"), rs.getString("decision_reasons"), rs.getString("decided_by"),
                instant(rs, "closed_at"), held, rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
