package org.govshare.seal.ses;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.identity.DepartmentDirectory;
import org.govshare.identity.Official;
import org.govshare.identity.Workgroups;
import org.govshare.platform.web.ConflictException;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.NotFoundException;
import org.govshare.seal.SealAlgorithm;
import org.govshare.seal.SealCertificates;
import org.govshare.seal.SealPicture;
import org.govshare.seal.SealProperties;
import org.govshare.seal.SealingKey;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each department's GB/T 38540 seal, one per algorithm: made by the platform as seal maker the first time the
 * department seals, listing the department's seal certificate, with its picture and a validity period; made anew when
 * the last one expired, was revoked, or lists a certificate the department no longer seals with. The sharing
 * authority revokes a seal; a revoked seal never verifies again, whenever it was applied.
 */
@Service
public class DepartmentSeals {

    private static final int MAX_REASON = 500;

    private final DepartmentSealStore store;
    private final SealCertificates certificates;
    private final DepartmentDirectory departments;
    private final Workgroups workgroups;
    private final AuditTrail auditTrail;
    private final SealProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    DepartmentSeals(DepartmentSealStore store, SealCertificates certificates, DepartmentDirectory departments,
                    Workgroups workgroups, AuditTrail auditTrail, SealProperties properties, Clock clock,
                    PlatformTransactionManager transactions) {
        this.store = store;
        this.certificates = certificates;
        this.departments = departments;
        this.workgroups = workgroups;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.clock = clock;
        // a seal once made stands whatever becomes of the sealing that asked for it, as the certificates it lists do
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The seal a department signs with now with this key: the newest usable one, or a new one. */
    public DepartmentSeal current(SealingKey key) {
        String serial = serial(key);
        Instant now = clock.instant();
        return store.usable(key.department(), key.algorithm(), serial, now).orElseGet(() -> ownTransaction.execute(s -> {
            store.lock(key.department(), key.algorithm());
            // another node or thread may have made one while this one waited for the lock
            return store.usable(key.department(), key.algorithm(), serial, now).orElseGet(() -> {
                Instant start = now.truncatedTo(ChronoUnit.SECONDS);
                return make(key, start, start.atOffset(ZoneOffset.UTC).plus(properties.sealValidity()).toInstant());
            });
        }));
    }

    /**
     * Makes a seal for a department with an explicit validity window, listing its current seal certificate; the
     * window may lie in the past or the future (a seal for a later term, or a test of an expired one).
     */
    public DepartmentSeal make(String department, SealAlgorithm algorithm, Instant validStart, Instant validEnd) {
        if (!validEnd.isAfter(validStart)) {
            throw new InvalidInputException("validEnd", "after-valid-start", "a seal's validity ends after it starts");
        }
        SealingKey key = certificates.forDepartment(department, algorithm);
        return ownTransaction.execute(s -> make(key, validStart.truncatedTo(ChronoUnit.SECONDS),
                validEnd.truncatedTo(ChronoUnit.SECONDS)));
    }

    public List<DepartmentSeal> all() {
        return store.all();
    }

    public DepartmentSeal require(String esId) {
        return store.find(esId).orElseThrow(() -> new NotFoundException("department seal", esId));
    }

    /** The sharing authority revokes a seal, with its reasons; audited, and refused to anyone else. */
    @Transactional
    public DepartmentSeal revoke(Official by, String esId, String reason) {
        if (!workgroups.actsForTheAuthority(by)) {
            throw new AccessDeniedException("a department seal is revoked by the sharing authority");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required", "say why the seal is revoked: the reason is audited"
                    + " and shown with the seal");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "max-length", "a reason is at most " + MAX_REASON + " characters");
        }
        DepartmentSeal seal = require(esId);
        if (!store.revoke(esId, clock.instant().truncatedTo(ChronoUnit.MILLIS), by.login(), reason.strip())) {
            throw new ConflictException("esId", "already-revoked", esId + " was revoked at " + seal.revokedAt()
                    + "; a seal is revoked once");
        }
        auditTrail.record(AuditEntry.ok(AuditAction.DEPARTMENT_SEAL_REVOKED, "department-seal", esId)
                .with("department", seal.department()).with("algorithm", seal.algorithm())
                .with("certificateSerial", seal.certificateSerial()).because(reason.strip()));
        return require(esId);
    }

    private DepartmentSeal make(SealingKey key, Instant validStart, Instant validEnd) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String esId = "GS" + String.format("%08d", store.nextNumber());
        String nameZh = departments.require(key.department()).nameZh();
        SESeal seal = SealMaker.make(esId, nameZh + "电子印章", List.of(key.certificate()), SealPicture.png(nameZh), now,
                validStart, validEnd, certificates.sealMaker(key.algorithm()));
        DepartmentSeal made = new DepartmentSeal(esId, key.department(), key.algorithm(), serial(key), validStart, validEnd,
                now, seal.der(), null, null, null);
        store.add(made);
        auditTrail.record(AuditEntry.ok(AuditAction.DEPARTMENT_SEAL_MADE, "department-seal", esId)
                .with("department", key.department()).with("algorithm", key.algorithm())
                .with("certificateSerial", made.certificateSerial()).with("validStart", validStart.toString())
                .with("validEnd", validEnd.toString()));
        return made;
    }

    private static String serial(SealingKey key) {
        return key.certificate().getSerialNumber().toString(16);
    }
}
