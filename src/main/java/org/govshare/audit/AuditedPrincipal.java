package org.govshare.audit;

/** A security principal that can say who it is for the audit trail. */
public interface AuditedPrincipal {

    Actor actor();
}
