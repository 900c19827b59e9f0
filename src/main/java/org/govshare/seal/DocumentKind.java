package org.govshare.seal;

/** What a sealed document is; the seal register and the algorithm settings go by it. */
public enum DocumentKind {
    DATA_EXTRACT,
    ELECTRONIC_CERTIFICATE,
    DISPUTE_RULING,
    RECTIFICATION_NOTICE,
    PUBLIC_CRITICISM,
    ASSESSMENT_REPORT,
    AUDIT_CHECKPOINT,
    EVIDENCE_PACKAGE
}
