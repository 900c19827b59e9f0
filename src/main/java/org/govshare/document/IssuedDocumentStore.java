package org.govshare.document;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Issued documents in the database: inserted once, never changed (the table's triggers refuse it). */
@Repository
class IssuedDocumentStore {

    private static final RowMapper<IssuedDocument> DOCUMENT = (rs, row) -> new IssuedDocument(rs.getLong("id"),
            rs.getString("kind"), rs.getString("subject"), rs.getString("title"), rs.getString("register_id"),
            rs.getBytes("sealed_pdf"), rs.getTimestamp("issued_at").toInstant());

    private final JdbcTemplate jdbc;

    IssuedDocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a document unless one of its kind and subject is there already; answers the stored one, if new. */
    Optional<IssuedDocument> insertOnce(String kind, String subject, String title, String registerId, byte[] sealedPdf,
                                        Instant issuedAt) {
        return jdbc.query("insert into issued_document (kind, subject, title, register_id, sealed_pdf, issued_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (kind, subject) do nothing returning *", DOCUMENT,
                kind, subject, title, registerId, sealedPdf, Timestamp.from(issuedAt)).stream().findFirst();
    }

    Optional<IssuedDocument> find(String kind, String subject) {
        return jdbc.query("select * from issued_document where kind = ? and subject = ?", DOCUMENT, kind, subject)
                .stream().findFirst();
    }
}
