package org.govshare.provider;

import java.time.Instant;

/**
 * A resource's provider service registered (or its registration replaced), published inside the registration's
 * transaction: what a grant waiting for its data (national Art. 22) learns delivery from.
 */
public record ProviderServiceRegistered(String resourceCode, Instant at) {
}
