package org.govshare.identity;

import org.govshare.audit.AuditedPrincipal;

/**
 * Whoever is authenticated on the platform API: an {@link Official} (a person) or a {@link SystemCaller} (a
 * department's registered system calling machine to machine). Both act for one department, and both name
 * themselves in the audit trail.
 */
public interface Caller extends AuditedPrincipal {

    /** The department the caller acts for (null only for platform administrators). */
    String department();

    /** The official's login, or the system's client id. */
    String id();

    /** Whether the caller is a registered system rather than a person. */
    default boolean isSystem() {
        return false;
    }
}
