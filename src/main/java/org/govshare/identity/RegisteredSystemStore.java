package org.govshare.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.govshare.identity.RegisteredSystem.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Registered systems in the database, with the hash of each one's current secret. */
@Repository
class RegisteredSystemStore {

    private static final RowMapper<RegisteredSystem> SYSTEM = (rs, row) -> new RegisteredSystem(
            rs.getString("client_id"), rs.getString("name"), rs.getString("contact"), rs.getString("department"),
            Status.valueOf(rs.getString("status")), rs.getString("created_by"), instant(rs.getObject("created_at",
            OffsetDateTime.class)), instant(rs.getObject("secret_issued_at", OffsetDateTime.class)),
            rs.getString("revoked_by"), instant(rs.getObject("revoked_at", OffsetDateTime.class)),
            rs.getString("revocation_reason"));

    private final JdbcTemplate jdbc;

    RegisteredSystemStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An active system as a caller, with the hash its secret must match; the hash never leaves identity. */
    record ActiveSystem(SystemCaller caller, String secretHash) {

        @Override
        public String toString() {
            return "ActiveSystem[" + caller.clientId() + ", hash hidden]";
        }
    }

    /**
     * Inserts an active system. A clash of two random client ids is not expected; should it happen, the primary key
     * refuses the insert rather than let two systems share a login.
     */
    void insert(String clientId, String name, String contact, String department, String secretHash, String createdBy,
                OffsetDateTime at) {
        jdbc.update("""
                insert into registered_system (client_id, name, contact, department, status, secret_hash,
                                               secret_issued_at, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                clientId, name, contact, department, Status.ACTIVE.name(), secretHash, at, createdBy, at);
    }

    /**
     * Replaces the secret of an active system; false if it is revoked. The status in the where clause makes the check
     * and the change one step: a concurrent revocation wins.
     */
    boolean replaceSecret(String clientId, String secretHash, OffsetDateTime at) {
        return jdbc.update("""
                update registered_system set secret_hash = ?, secret_issued_at = ?
                where client_id = ? and status = ?""",
                secretHash, at, clientId, Status.ACTIVE.name()) > 0;
    }

    /** Revokes an active system; false if it was revoked already. */
    boolean revoke(String clientId, String by, OffsetDateTime at, String reason) {
        return jdbc.update("""
                update registered_system set status = ?, revoked_by = ?, revoked_at = ?, revocation_reason = ?
                where client_id = ? and status = ?""",
                Status.REVOKED.name(), by, at, reason, clientId, Status.ACTIVE.name()) > 0;
    }

    /** A page of the systems of a department, newest first. */
    List<RegisteredSystem> ofDepartment(String department, int page, int size) {
        return jdbc.query("select * from registered_system where department = ? order by created_at desc, client_id desc"
                + " limit ? offset ?", SYSTEM, department, size, (long) page * size);
    }

    Optional<RegisteredSystem> find(String clientId) {
        return jdbc.query("select * from registered_system where client_id = ?", SYSTEM, clientId).stream().findFirst();
    }

    Optional<ActiveSystem> findActive(String clientId) {
        return jdbc.query("select client_id, name, department, secret_hash from registered_system"
                        + " where client_id = ? and status = ?",
                (rs, row) -> new ActiveSystem(new SystemCaller(rs.getString("client_id"), rs.getString("name"),
                        rs.getString("department")), rs.getString("secret_hash")),
                clientId, Status.ACTIVE.name()).stream().findFirst();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
