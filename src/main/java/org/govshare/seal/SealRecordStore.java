package org.govshare.seal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code seal_record} table: the register of seals made. */
@Repository
class SealRecordStore {

    private final JdbcTemplate jdbc;

    SealRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.queryForObject("select nextval('seal_record_number')", Long.class);
    }

    void add(SealRecord r) {
        jdbc.update("""
                insert into seal_record (id, document_hash, kind, format, algorithm, department, seal_id,
                                         certificate_serial, subject, title, sealed_by, sealed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.documentHash(), r.kind().name(), r.format().name(), r.algorithm().name(), r.department(),
                r.sealId(), r.certificateSerial(), r.subject(), r.title(), r.sealedBy(), Timestamp.from(r.sealedAt()));
    }

    Optional<SealRecord> find(String id) {
        return jdbc.query("select * from seal_record where id = ?", this::row, id).stream().findFirst();
    }

    List<SealRecord> byHash(String documentHash) {
        return jdbc.query("select * from seal_record where document_hash = ? order by sealed_at", this::row, documentHash);
    }

    List<SealRecord> bySubject(String subject) {
        return jdbc.query("select * from seal_record where subject = ? order by sealed_at", this::row, subject);
    }

    private SealRecord row(ResultSet rs, int n) throws SQLException {
        return new SealRecord(rs.getString("id"), rs.getString("document_hash"), DocumentKind.valueOf(rs.getString("kind")),
                SealFormat.valueOf(rs.getString("format")), SealAlgorithm.valueOf(rs.getString("algorithm")),
                rs.getString("department"), rs.getString("seal_id"), rs.getString("certificate_serial"),
                rs.getString("subject"), rs.getString("title"), rs.getString("sealed_by"),
                rs.getTimestamp("sealed_at").toInstant());
    }
}
