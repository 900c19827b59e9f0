package org.govshare.seal;

import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.IdentityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's certificate authority: one root per algorithm, and under it the time-stamping authority, the seal
 * maker and every department's seal certificate, each made on first use. Keys go to the {@link KeyVault}; the
 * certificates, their status and the CRLs to the database, where verification finds them.
 */
@Service
public class SealCertificates {

    static final String PLATFORM = "platform";
    private static final Duration CRL_LIFETIME = Duration.ofDays(7);
    /** a certificate this close to its end is replaced before sealing, so no seal is made in its last minutes */
    private static final Duration RENEW_BEFORE_END = Duration.ofDays(1);

    private final KeyVault vault;
    private final CertificateStore store;
    private final SealProperties properties;
    private final DepartmentDirectory departments;
    private final String authorityDepartment;
    private final AuditTrail auditTrail;
    private final ObjectProvider<SealRevocations> revocations;
    private final List<X509Certificate> outsideTsaCertificates;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<SealAlgorithm, SealingKey> roots = new java.util.concurrent.ConcurrentHashMap<>();

    SealCertificates(KeyVault vault, CertificateStore store, SealProperties properties, DepartmentDirectory departments,
                     IdentityProperties identity, AuditTrail auditTrail, ObjectProvider<SealRevocations> revocations,
                     OutsideTrust outsideTrust, PlatformTransactionManager transactions, Clock clock) {
        this.vault = vault;
        this.store = store;
        this.properties = properties;
        this.departments = departments;
        this.authorityDepartment = identity.authorityDepartment();
        this.auditTrail = auditTrail;
        this.revocations = revocations;
        this.outsideTsaCertificates = outsideTrust.certificates();
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public X509Certificate root(SealAlgorithm algorithm) {
        return rootKey(algorithm).certificate();
    }

    /** The department's seal key and certificate; issued at its first seal, and again after a revocation. */
    public SealingKey forDepartment(String departmentCode, SealAlgorithm algorithm) {
        return current(departmentCode, CertificatePurpose.DEPARTMENT_SEAL, algorithm,
                () -> CertificateMaker.name(properties.issuer(), departmentCode, departments.require(departmentCode).nameZh()));
    }

    /** The sharing authority's seal: it seals rulings, notices, criticisms, assessments and audit checkpoints. */
    public SealingKey authority(SealAlgorithm algorithm) {
        return forDepartment(authorityDepartment, algorithm);
    }

    public String authorityDepartment() {
        return authorityDepartment;
    }

    /** The platform acting as GB/T 38540 seal maker: it signs each department's seal object. */
    public SealingKey sealMaker(SealAlgorithm algorithm) {
        return current(PLATFORM, CertificatePurpose.SEAL_MAKER, algorithm,
                () -> CertificateMaker.name(properties.issuer(), PLATFORM, properties.issuer() + " 电子印章制作 (" + algorithm + ")"));
    }

    /** The platform's time-stamping authority's key; its certificate is marked for time-stamping only. */
    public SealingKey timeStampAuthority() {
        SealAlgorithm algorithm = properties.tsa().algorithm();
        return current(PLATFORM, CertificatePurpose.TSA, algorithm,
                () -> CertificateMaker.name(properties.issuer(), PLATFORM, properties.issuer() + " 时间戳服务 (" + algorithm + ")"));
    }

    public Optional<IssuedCertificate> find(String serialHex) {
        return store.find(serialHex.toLowerCase(java.util.Locale.ROOT));
    }

    public List<IssuedCertificate> certificates() {
        return store.all();
    }

    /**
     * Revokes a certificate and publishes a new CRL for its algorithm at once. Whoever may do so is decided by the
     * caller; the revocation is audited here.
     *
     * @return the certificate as it now stands; empty when no certificate has this serial
     */
    public Optional<IssuedCertificate> revoke(String serialHex, String by, String reason) {
        Optional<IssuedCertificate> found = find(serialHex);
        found.ifPresent(certificate -> ownTransaction.executeWithoutResult(s -> {
            if (store.revoke(certificate.serial(), clock.instant().truncatedTo(ChronoUnit.MILLIS), by, reason)) {
                publishCrl(certificate.algorithm());
                auditTrail.record(AuditEntry.ok(AuditAction.SEAL_CERTIFICATE_REVOKED, "certificate", certificate.serial())
                        .with("owner", certificate.owner()).with("purpose", certificate.purpose())
                        .with("algorithm", certificate.algorithm()).because(reason));
            }
        }));
        return found.flatMap(c -> find(c.serial()));
    }

    /** The current CRL of the root of this algorithm; a fresh one is published when the last is near its end. */
    public X509CRL crl(SealAlgorithm algorithm) {
        Optional<X509CRL> latest = store.latestCrl(algorithm);
        if (latest.isPresent() && latest.get().getNextUpdate().toInstant().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            return latest.get();
        }
        return ownTransaction.execute(s -> publishCrl(algorithm));
    }

    /**
     * What a verification trusts: the roots whose keys this platform holds (never a certificate row alone, which
     * whoever can write the database could add) and an outside authority's configured certificates; the
     * time-stamping certificates recorded (each must still chain to a root); the current CRLs; the revoked seals.
     */
    public TrustMaterial trust() {
        List<X509Certificate> rootCertificates = new ArrayList<>(outsideTsaCertificates);
        List<X509Certificate> tsas = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (SealAlgorithm algorithm : SealAlgorithm.values()) {
            rootCertificates.add(rootKey(algorithm).certificate());
            crls.add(crl(algorithm));
        }
        store.ofPurpose(CertificatePurpose.TSA).forEach(c -> tsas.add(c.certificate()));
        Set<String> revokedSeals = new HashSet<>();
        revocations.orderedStream().forEach(r -> revokedSeals.addAll(r.revokedSealIds()));
        return new TrustMaterial(rootCertificates, tsas, crls, revokedSeals);
    }

    private X509CRL publishCrl(SealAlgorithm algorithm) {
        SealingKey root = rootKey(algorithm);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long number = store.nextCrlNumber(algorithm);
        X509CRL crl = CertificateMaker.crl(root.certificate(), root.privateKey(), algorithm, number,
                store.revoked(algorithm), now, now.plus(CRL_LIFETIME));
        store.addCrl(algorithm, number, crl);
        return crl;
    }

    private SealingKey rootKey(SealAlgorithm algorithm) {
        SealingKey known = roots.get(algorithm);
        return known != null ? known : loadOrMakeRoot(algorithm);
    }

    /**
     * The root's key from the vault, or made on the platform's very first seal. Nodes take turns (a database lock and
     * this monitor), and a node that waited finds the root the first one made in the shared key store.
     */
    private synchronized SealingKey loadOrMakeRoot(SealAlgorithm algorithm) {
        SealingKey known = roots.get(algorithm);
        if (known != null) {
            return known;
        }
        String alias = "root-" + algorithm.name().toLowerCase(java.util.Locale.ROOT);
        SealingKey root = ownTransaction.execute(s -> {
            store.lockIssuance(PLATFORM, CertificatePurpose.ROOT, algorithm);
            KeyVault.Entry entry = vault.entry(alias).orElseGet(() -> {
                if (!store.ofPurposeAndAlgorithm(CertificatePurpose.ROOT, algorithm).isEmpty()) {
                    // a second root beside the first would split the platform's trust in two
                    throw new IllegalStateException("the database knows the platform's " + algorithm + " root, but the"
                            + " seal key store (govshare.seals.key-store.file) does not hold its key: give every node the"
                            + " same key store (a shared file, or a PKCS#11 device), restored with the database");
                }
                KeyPair keys = algorithm.newKeyPair();
                Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                X509Certificate made = CertificateMaker.selfSignedRoot(
                        CertificateMaker.name(properties.issuer(), PLATFORM, properties.issuer() + " 根证书 (" + algorithm + ")"),
                        keys, algorithm, from, CertificateMaker.endOf(from, properties.rootValidity()));
                vault.put(alias, keys.getPrivate(), List.of(made));
                return new KeyVault.Entry(keys.getPrivate(), List.of(made));
            });
            X509Certificate certificate = entry.chain().get(0);
            record(new IssuedCertificate(serial(certificate), alias, PLATFORM, CertificatePurpose.ROOT, algorithm,
                    certificate.getSubjectX500Principal().getName(), certificate, certificate.getNotBefore().toInstant(),
                    "VALID", null, null, null));
            return new SealingKey(PLATFORM, algorithm, entry.privateKey(), certificate, List.of(certificate));
        });
        roots.put(algorithm, root);
        return root;
    }

    /** The key in use; sealing reads it without a lock, and only a missing, revoked or ending one is replaced. */
    private SealingKey current(String owner, CertificatePurpose purpose, SealAlgorithm algorithm,
                               java.util.function.Supplier<X500Name> subject) {
        return usable(owner, purpose, algorithm).orElseGet(() -> issueInTurn(owner, purpose, algorithm, subject));
    }

    private Optional<SealingKey> usable(String owner, CertificatePurpose purpose, SealAlgorithm algorithm) {
        Instant now = clock.instant();
        return store.current(owner, purpose, algorithm)
                .filter(c -> c.certificate().getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE_END)))
                .flatMap(c -> vault.entry(c.alias()).map(e -> new SealingKey(owner, algorithm, e.privateKey(),
                        c.certificate(), e.chain())));
    }

    /** One issuer at a time per owner, purpose and algorithm, across nodes; who waited uses what the first issued. */
    private synchronized SealingKey issueInTurn(String owner, CertificatePurpose purpose, SealAlgorithm algorithm,
                                                java.util.function.Supplier<X500Name> subject) {
        SealingKey root = rootKey(algorithm);
        return ownTransaction.execute(s -> {
            store.lockIssuance(owner, purpose, algorithm);
            return usable(owner, purpose, algorithm).orElseGet(() -> issue(root, owner, purpose, algorithm, subject.get()));
        });
    }

    private SealingKey issue(SealingKey root, String owner, CertificatePurpose purpose, SealAlgorithm algorithm,
                             X500Name subject) {
        KeyPair keys = algorithm.newKeyPair();
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant to = CertificateMaker.endOf(from, purpose == CertificatePurpose.DEPARTMENT_SEAL
                ? properties.certificateValidity() : properties.rootValidity());
        if (to.isAfter(root.certificate().getNotAfter().toInstant())) {
            to = root.certificate().getNotAfter().toInstant();
        }
        X509Certificate certificate = CertificateMaker.issue(root.certificate(), root.privateKey(), subject, keys,
                algorithm, from, to, purpose == CertificatePurpose.TSA);
        String alias = purpose.name().toLowerCase(java.util.Locale.ROOT) + "-" + owner + "-"
                + algorithm.name().toLowerCase(java.util.Locale.ROOT) + "-" + serial(certificate);
        List<X509Certificate> chain = List.of(certificate, root.certificate());
        vault.put(alias, keys.getPrivate(), chain);
        record(new IssuedCertificate(serial(certificate), alias, owner, purpose, algorithm,
                certificate.getSubjectX500Principal().getName(), certificate, from, "VALID", null, null, null));
        return new SealingKey(owner, algorithm, keys.getPrivate(), certificate, chain);
    }

    /** In the issuing transaction: the certificate's row and its audit event commit with it, or neither does. */
    private void record(IssuedCertificate certificate) {
        if (store.find(certificate.serial()).isEmpty()) {
            store.add(certificate);
            auditTrail.record(AuditEntry.ok(AuditAction.SEAL_CERTIFICATE_ISSUED, "certificate", certificate.serial())
                    .with("owner", certificate.owner()).with("purpose", certificate.purpose())
                    .with("algorithm", certificate.algorithm())
                    .with("notAfter", certificate.certificate().getNotAfter().toInstant().toString()));
        }
    }

    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** The certificates of an outside time-stamping authority, read once from {@code govshare.seals.tsa.trusted-certificates}. */
    record OutsideTrust(List<X509Certificate> certificates) {

        static OutsideTrust none() {
            return new OutsideTrust(List.of());
        }
    }
}
