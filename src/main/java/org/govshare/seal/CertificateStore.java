package org.govshare.seal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code seal_certificate} and {@code seal_crl} tables. */
@Repository
class CertificateStore {

    private final JdbcTemplate jdbc;

    CertificateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(IssuedCertificate c) {
        jdbc.update("""
                insert into seal_certificate (serial, alias, owner, purpose, algorithm, subject, not_before, not_after,
                                              der, status, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?) on conflict (serial) do nothing""",
                c.serial(), c.alias(), c.owner(), c.purpose().name(), c.algorithm().name(), c.subject(),
                Timestamp.from(c.certificate().getNotBefore().toInstant()),
                Timestamp.from(c.certificate().getNotAfter().toInstant()), der(c.certificate()),
                Timestamp.from(c.issuedAt()));
    }

    /** The newest valid certificate of this owner, purpose and algorithm. */
    Optional<IssuedCertificate> current(String owner, CertificatePurpose purpose, SealAlgorithm algorithm) {
        return jdbc.query("""
                select * from seal_certificate where owner = ? and purpose = ? and algorithm = ? and status = 'VALID'
                order by issued_at desc limit 1""", this::row, owner, purpose.name(), algorithm.name()).stream().findFirst();
    }

    Optional<IssuedCertificate> find(String serial) {
        return jdbc.query("select * from seal_certificate where serial = ?", this::row, serial).stream().findFirst();
    }

    List<IssuedCertificate> all() {
        return jdbc.query("select * from seal_certificate order by issued_at, serial", this::row);
    }

    List<IssuedCertificate> ofPurpose(CertificatePurpose purpose) {
        return jdbc.query("select * from seal_certificate where purpose = ? order by issued_at", this::row, purpose.name());
    }

    List<IssuedCertificate> ofPurposeAndAlgorithm(CertificatePurpose purpose, SealAlgorithm algorithm) {
        return jdbc.query("select * from seal_certificate where purpose = ? and algorithm = ? order by issued_at",
                this::row, purpose.name(), algorithm.name());
    }

    /** Taken in an issuing transaction: two nodes never issue the same kind of certificate at once. */
    void lockIssuance(String owner, CertificatePurpose purpose, SealAlgorithm algorithm) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))",
                "seal-issue:" + owner + ":" + purpose + ":" + algorithm);
    }

    /** @return whether it was valid and is now revoked */
    boolean revoke(String serial, Instant at, String by, String reason) {
        return jdbc.update("""
                update seal_certificate set status = 'REVOKED', revoked_at = ?, revoked_by = ?, revocation_reason = ?
                where serial = ? and status = 'VALID'""", Timestamp.from(at), by, reason, serial) == 1;
    }

    List<IssuedCertificate> revoked(SealAlgorithm algorithm) {
        return jdbc.query("select * from seal_certificate where status = 'REVOKED' and algorithm = ? order by revoked_at",
                this::row, algorithm.name());
    }

    /** The platform's time-stamping authority numbers its tokens from a sequence, so that two nodes never share one. */
    long nextTimestampSerial() {
        return jdbc.queryForObject("select nextval('tsa_serial')", Long.class);
    }

    /** Taken in the transaction that publishes a CRL: two publishers, on one node or two, number theirs in turn. */
    long nextCrlNumber(SealAlgorithm algorithm) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('seal-crl:' || ?))", algorithm.name());
        Long last = jdbc.queryForObject("select max(number) from seal_crl where algorithm = ?", Long.class, algorithm.name());
        return last == null ? 1 : last + 1;
    }

    void addCrl(SealAlgorithm algorithm, long number, X509CRL crl) {
        try {
            jdbc.update("insert into seal_crl (algorithm, number, this_update, next_update, der) values (?, ?, ?, ?, ?)",
                    algorithm.name(), number, Timestamp.from(crl.getThisUpdate().toInstant()),
                    Timestamp.from(crl.getNextUpdate().toInstant()), crl.getEncoded());
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException("a CRL the platform made cannot be encoded", e);
        }
    }

    Optional<X509CRL> latestCrl(SealAlgorithm algorithm) {
        return jdbc.query("select der from seal_crl where algorithm = ? order by number desc limit 1",
                (rs, n) -> crl(rs.getBytes("der")), algorithm.name()).stream().findFirst();
    }

    private IssuedCertificate row(ResultSet rs, int n) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new IssuedCertificate(rs.getString("serial"), rs.getString("alias"), rs.getString("owner"),
                CertificatePurpose.valueOf(rs.getString("purpose")), SealAlgorithm.valueOf(rs.getString("algorithm")),
                rs.getString("subject"), certificate(rs.getBytes("der")), rs.getTimestamp("issued_at").toInstant(),
                rs.getString("status"), revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revoked_by"),
                rs.getString("revocation_reason"));
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate cannot be read", e);
        }
    }

    private static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                    .generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | java.security.cert.CRLException e) {
            throw new IllegalStateException("a stored CRL cannot be read", e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
