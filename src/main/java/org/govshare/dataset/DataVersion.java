package org.govshare.dataset;

import java.time.Instant;

/**
 * One push of a hosted dataset: a new version of its records (Art. 24: update timeliness is measured from these).
 *
 * @param version 1, 2, 3 … per resource
 * @param pushedBy the official's login or the registered system's client id
 * @param mode REPLACE (the push is the whole dataset) or UPSERT (records matched by key are added or changed)
 * @param total how many records the dataset holds after the push
 */
public record DataVersion(String resourceCode, int version, Instant createdAt, String pushedBy, PushMode mode,
                          long added, long changed, long removed, long total) {
}
