package org.govshare.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.govshare.platform.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * A rate limit per grant, so that a grant cannot be used to copy a dataset wholesale: at most
 * {@code govshare.access.rate-limit} reads per {@code rate-window}, a fixed window counted in PostgreSQL
 * ({@code grant_read_window}), so that the limit holds across every node of a cluster, not per node. Every refusal is
 * also counted in {@code access_throttle} per grant and day, where the violation detector finds bulk scraping
 * (Art. 33 v). Both counts commit by themselves ({@link AccessThrottleStore}): a refused read rolls back, its count
 * stays.
 * <p>
 * A node counts a grant's reads in leases: it adds {@code rate-lease} reads to the shared count at once and serves
 * them one by one until they or the window run out, so that most reads take no round trip for their count. Reads
 * leased and not served still count, so a grant read on N nodes may be refused up to N × (lease - 1) reads before its
 * limit, never after it. The lease is kept to a twentieth of the limit, so a small limit is counted read by read.
 */
@Component
class GrantRateLimit {

    private final AccessProperties properties;
    private final Clock clock;
    private final SharedReadCount throttles;
    private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();

    GrantRateLimit(AccessProperties properties, Clock clock, SharedReadCount throttles) {
        this.properties = properties;
        this.clock = clock;
        this.throttles = throttles;
    }

    /** Reads this node has counted and not yet served, in one window of a grant. */
    private static final class Lease {
        long windowEnd;
        int left;
    }

    /** Counts one read under a grant, or refuses it with 429 when the grant is over its limit. */
    void acquire(String grantId) {
        long now = clock.millis();
        Lease lease = leases.computeIfAbsent(grantId, id -> new Lease());
        synchronized (lease) {
            if (lease.left > 0 && now < lease.windowEnd) {
                lease.left--;
                return;
            }
            long window = properties.rateWindow().toMillis();
            int size = Math.max(1, Math.min(properties.rateLease(), properties.rateLimit() / 20));
            SharedReadCount.Window counted = throttles.countReads(grantId, size, now, window);
            // of the reads just counted, those within the limit are this node's to serve: this one and the rest
            int served = Math.min(size, properties.rateLimit() - (counted.reads() - size));
            if (served <= 0) {
                lease.left = 0;
                throttles.countRefusal(grantId, LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(8)));
                long retryAfter = Math.max(1, (counted.startMillis() + window - now + 999) / 1000);
                throw new TooManyRequestsException("grant-rate-limit", "grant " + grantId + " allows "
                        + properties.rateLimit() + " reads per " + properties.rateWindow().toSeconds()
                        + " s; try again in " + retryAfter + " s (reading a dataset wholesale is not what a grant is"
                        + " for)", retryAfter);
            }
            lease.windowEnd = counted.startMillis() + window;
            lease.left = served - 1;
        }
    }
}
