package org.govshare.seal;

import java.time.Instant;

import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.audit.AuditedPrincipal;
import org.govshare.identity.Department;
import org.govshare.identity.DepartmentDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seal checked for anyone who was handed a sealed document, logged in or not: the verdict, the department's name,
 * the register's record of the seal when it holds, and a {@code SEAL_VERIFIED} event saying who checked what.
 */
@Service
class SealVerification {

    private final Sealing sealing;
    private final DepartmentDirectory departments;
    private final AuditTrail auditTrail;

    SealVerification(Sealing sealing, DepartmentDirectory departments, AuditTrail auditTrail) {
        this.sealing = sealing;
        this.departments = departments;
        this.auditTrail = auditTrail;
    }

    /** @param document the document a detached seal is over; null when {@code seal} is a sealed file */
    @Transactional
    public Answer verify(byte[] document, byte[] seal) {
        SealVerdict verdict = sealing.verify(document, seal);
        SealRecord record = verdict.registerId() == null ? null : sealing.record(verdict.registerId()).orElse(null);
        AuditEntry entry = AuditEntry.ok(AuditAction.SEAL_VERIFIED, "seal",
                        record != null ? record.id() : "sha256:" + Sealing.sha256(seal))
                .with("valid", verdict.valid()).with("reason", verdict.reason()).with("format", verdict.format())
                .with("registerId", verdict.registerId());
        auditTrail.record(anonymous() ? entry.by(Actor.ANONYMOUS) : entry);
        return Answer.of(verdict, verdict.department() == null ? null
                : departments.find(verdict.department()).map(Department::nameZh).orElse(null), record);
    }

    /** The platform's audit names a caller without credentials {@code anonymous}, not the platform itself. */
    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !(authentication.getPrincipal() instanceof AuditedPrincipal);
    }

    /**
     * What {@code POST /api/seals/verify} answers.
     *
     * @param departmentName the sealing department's Chinese name, when the platform knows the department
     * @param certificateStatus the signer certificate's status now: VALID, REVOKED, EXPIRED or UNKNOWN
     * @param record the seal register's record, found only for a seal that holds
     */
    record Answer(boolean valid, InvalidReason reason, String message, SealFormat format, SealAlgorithm algorithm,
                  String department, String departmentName, String sealId, Instant signedAt, Instant timestampedAt,
                  String certificateSerial, String certificateStatus, Record record) {

        static Answer of(SealVerdict v, String departmentName, SealRecord record) {
            return new Answer(v.valid(), v.reason(), v.message(), v.format(), v.algorithm(), v.department(),
                    departmentName, v.sealId(), v.signedAt(), v.timestampedAt(), v.certificateSerial(),
                    v.certificateStatus(), record == null ? null : new Record(record.id(), record.kind(),
                    record.title(), record.sealedAt(), v.valid() ? record.subject() : null));
        }
    }

    /**
     * The register's record of a seal that holds.
     *
     * @param subject what the document is about (a case number, {@code grant:…}): shown only beside a valid seal,
     *                which proves the holder has the document that names it
     */
    record Record(String id, DocumentKind kind, String title, Instant sealedAt, String subject) {
    }
}
