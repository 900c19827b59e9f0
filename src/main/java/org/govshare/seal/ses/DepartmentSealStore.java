package org.govshare.seal.ses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.govshare.seal.SealAlgorithm;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Department seals in the database: made once, revoked at most once, never deleted. */
@Repository
class DepartmentSealStore {

    private final JdbcTemplate jdbc;

    DepartmentSealStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.queryForObject("select nextval('department_seal_number')", Long.class);
    }

    /** Holds back, to the end of the transaction, anyone else making a seal for this department and algorithm. */
    void lock(String department, SealAlgorithm algorithm) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class,
                "department_seal:" + department + ":" + algorithm);
    }

    void add(DepartmentSeal seal) {
        jdbc.update("""
                insert into department_seal (es_id, department, algorithm, certificate_serial, valid_start, valid_end,
                                             made_at, der)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", seal.esId(), seal.department(), seal.algorithm().name(),
                seal.certificateSerial(), Timestamp.from(seal.validStart()), Timestamp.from(seal.validEnd()),
                Timestamp.from(seal.madeAt()), seal.der());
    }

    /** The newest seal not revoked, valid at this time, listing this certificate. */
    Optional<DepartmentSeal> usable(String department, SealAlgorithm algorithm, String certificateSerial, Instant at) {
        return jdbc.query("""
                select * from department_seal
                where department = ? and algorithm = ? and certificate_serial = ? and revoked_at is null
                  and valid_start <= ? and valid_end > ?
                order by made_at desc, es_id desc limit 1""", DepartmentSealStore::seal, department, algorithm.name(),
                certificateSerial, Timestamp.from(at), Timestamp.from(at)).stream().findFirst();
    }

    Optional<DepartmentSeal> find(String esId) {
        return jdbc.query("select * from department_seal where es_id = ?", DepartmentSealStore::seal, esId).stream().findFirst();
    }

    /** Every seal, the newest first. */
    List<DepartmentSeal> all() {
        return jdbc.query("select * from department_seal order by made_at desc, es_id desc", DepartmentSealStore::seal);
    }

    /** Revokes a seal not revoked yet; false when it already was. */
    boolean revoke(String esId, Instant at, String by, String reason) {
        return jdbc.update("""
                update department_seal set revoked_at = ?, revoked_by = ?, revocation_reason = ?
                where es_id = ? and revoked_at is null""", Timestamp.from(at), by, reason, esId) > 0;
    }

    Set<String> revokedIds() {
        return new HashSet<>(jdbc.queryForList("select es_id from department_seal where revoked_at is not null", String.class));
    }

    private static DepartmentSeal seal(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new DepartmentSeal(rs.getString("es_id"), rs.getString("department"),
                SealAlgorithm.valueOf(rs.getString("algorithm")), rs.getString("certificate_serial"),
                rs.getTimestamp("valid_start").toInstant(), rs.getTimestamp("valid_end").toInstant(),
                rs.getTimestamp("made_at").toInstant(), rs.getBytes("der"),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revoked_by"), rs.getString("revocation_reason"));
    }
}
