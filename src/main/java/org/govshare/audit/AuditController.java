package org.govshare.audit;

import jakarta.validation.Valid;
import org.govshare.audit.AuditChainVerifier.ChainVerification;
import org.govshare.audit.AuditSearch.AuditPage;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP; only the sharing authority and supervisors get here (see the security rules). */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditSearch search;
    private final AuditChainVerifier verifier;
    private final AuditChainer chainer;
    private final AuditTrail auditTrail;

    AuditController(AuditSearch search, AuditChainVerifier verifier, AuditTrail auditTrail, AuditChainer chainer) {
        this.chainer = chainer;
        this.search = search;
        this.verifier = verifier;
        this.auditTrail = auditTrail;
    }

    @GetMapping
    AuditPage search(@Valid AuditQuery query) {
        return search.search(query);
    }

    @GetMapping("/verify")
    @Transactional
    ChainVerification verify() {
        // everything committed before this call is checked, not only what the chainer reached so far
        chainer.chainPending();
        ChainVerification result = verifier.verify();
        AuditEntry entry = AuditEntry.ok(AuditAction.AUDIT_VERIFIED, "audit-trail", "chain")
                .with("intact", result.intact()).with("eventsChecked", result.eventsChecked())
                .with("hashChainIntact", result.hashChainIntact()).with("checkpointsChecked", result.checkpointsChecked());
        auditTrail.record(result.intact() ? entry
                : entry.with("firstBrokenSeq", result.firstBrokenSeq()).because(result.problem()));
        return result;
    }
}
