package org.govshare.dataset;

import java.time.Instant;

/**
 * A data version committed for a resource, published inside the push's transaction: what a grant waiting for its data
 * (national Art. 22) learns delivery from, without the datasets knowing about grants.
 */
public record DataVersionPushed(String resourceCode, int version, Instant at) {
}
