package org.govshare.provider;

/**
 * A check a change of a registered service's endpoint or shape must pass, which another feature may add without this
 * package knowing it: under the national regulation (Art. 27) a service active grants rely on is changed only after
 * its holders were consulted and the authority accepted the filing.
 */
public interface ServiceChangeCheck {

    /**
     * Refuses, with the rule broken, a change of the service of {@code resourceCode}; returns if it may be made, and
     * records that it was (in the caller's transaction).
     */
    void changing(String resourceCode, String providerDepartment);
}
