package org.govshare.provider;

import java.time.Instant;
import java.util.List;

/**
 * A provider's service as the provider and the authority see it: everything but the secrets, of which only their
 * presence shows.
 */
public record RegisteredService(String resourceCode, String providerDepartment, String url, List<String> parameters,
                                int timeoutMillis, Credentials credentials, String registeredBy, Instant registeredAt) {

    /** The credentials without their secrets. */
    public record Credentials(CredentialType type, String username, String headerName, boolean hasPassword,
                              boolean hasToken) {
    }
}
