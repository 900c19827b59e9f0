package org.govshare.catalog;

/**
 * A check a provider's request to retire a resource must pass before it reaches the authority, which another feature
 * may add without the catalog knowing it: under the national regulation (Art. 27) a resource active grants rely on is
 * retired only after its holders were consulted and the authority accepted the filing.
 */
public interface RetirementCheck {

    /** Refuses, with the rule broken, a retirement of {@code code} asked for by its provider; returns if it may go on. */
    void beforeRetirement(String code, String providerDepartment);

    /**
     * Refuses, with the rule broken, a change submitted to a published resource whose retirement is already on its
     * way through another feature (a filed retirement takes the resource out as filed, not as since revised).
     */
    default void beforeChange(String code) {
    }
}
