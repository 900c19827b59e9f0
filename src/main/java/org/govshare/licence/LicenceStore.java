package org.govshare.licence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.govshare.platform.JsonColumns;
import org.govshare.seal.SealFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Licences in the database, their files beside them. */
@Repository
class LicenceStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "number, resource_code, issuer, title, holder, data_version, record_hash, items,"
            + " seal_format, seal_records, pdf is not null as has_pdf, status, issued_by, issued_at, revoked_at, revoked_by, reason";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    LicenceStore(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long nextNumber() {
        return jdbc.queryForObject("select nextval('licence_number')", Long.class);
    }

    void insert(Licence l, LicenceFiles files) {
        jdbc.update("""
                insert into licence (number, resource_code, issuer, title, holder, data_version, record_hash, items, document,
                                     seal, seal_format, pdf, seal_records, status, issued_by, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                l.number(), l.resourceCode(), l.issuer(), l.title(), l.holder(), l.dataVersion(), l.recordHash(),
                json.write(l.items()), files.document(), files.seal(), l.sealFormat().name(), files.pdf(),
                json.write(l.sealRecords()), l.status().name(), l.issuedBy(), Timestamp.from(l.issuedAt()));
    }

    Optional<Licence> find(String number) {
        return jdbc.query("select " + COLUMNS + " from licence where number = ?", this::licence, number).stream().findFirst();
    }

    /** The licence, its row locked until the transaction ends (a revocation). */
    Optional<Licence> lock(String number) {
        return jdbc.query("select " + COLUMNS + " from licence where number = ? for update", this::licence, number)
                .stream().findFirst();
    }

    LicenceFiles files(String number) {
        return jdbc.queryForObject("select document, seal, pdf from licence where number = ?",
                (rs, row) -> new LicenceFiles(rs.getBytes("document"), rs.getBytes("seal"), rs.getBytes("pdf")), number);
    }

    void revoke(String number, String by, Instant at, String reason) {
        jdbc.update("update licence set status = 'REVOKED', revoked_by = ?, revoked_at = ?, reason = ? where number = ?",
                by, Timestamp.from(at), reason, number);
    }

    /** An issuer's licences, newest first; every issuer's when {@code issuer} is null; of one resource when given. */
    List<Licence> list(String issuer, String resourceCode, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (issuer != null) {
            where.append(" and issuer = ?");
            args.add(issuer);
        }
        if (resourceCode != null) {
            where.append(" and resource_code = ?");
            args.add(resourceCode);
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select " + COLUMNS + " from licence" + where + " order by issued_at desc, number desc limit ? offset ?",
                this::licence, args.toArray());
    }

    private Licence licence(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new Licence(rs.getString("number"), rs.getString("resource_code"), rs.getString("issuer"),
                rs.getString("title"), rs.getString("holder"), rs.getInt("data_version"), rs.getString("record_hash"),
                json.read(rs.getString("items"), STRINGS, "licence"), SealFormat.valueOf(rs.getString("seal_format")),
                json.read(rs.getString("seal_records"), STRINGS, "licence"), rs.getBoolean("has_pdf"),
                Licence.Status.valueOf(rs.getString("status")), rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toInstant(), revokedAt == null ? null : revokedAt.toInstant(),
                rs.getString("revoked_by"), rs.getString("reason"));
    }
}
