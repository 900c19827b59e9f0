package org.govshare.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Role requests in the database, one row per role-request process instance. */
@Repository
class RoleRequestStore {

    private final JdbcTemplate jdbc;

    RoleRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RoleRequest r) {
        jdbc.update("""
                insert into role_request (id, applicant, department, requested_role, reason, status, requested_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.applicant(), r.department(), r.requestedRole().name(), r.reason(), r.status().name(),
                Timestamp.from(r.requestedAt()));
    }

    void decide(String id, RoleRequest.Status status, String by, String reason, Instant at) {
        jdbc.update("update role_request set status = ?, decided_by = ?, decision_reason = ?, decided_at = ? where id = ?",
                status.name(), by, reason, Timestamp.from(at), id);
    }

    Optional<RoleRequest> find(String id) {
        return jdbc.query("select * from role_request where id = ?", RoleRequestStore::row, id).stream().findFirst();
    }

    private static RoleRequest row(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new RoleRequest(rs.getString("id"), rs.getString("applicant"), rs.getString("department"),
                Role.valueOf(rs.getString("requested_role")), rs.getString("reason"),
                RoleRequest.Status.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"), rs.getString("decision_reason"), decidedAt == null ? null : decidedAt.toInstant());
    }
}
