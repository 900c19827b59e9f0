package org.govshare.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.govshare.platform.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * A rate limit per grant, so that a grant cannot be used to copy a dataset wholesale: at most
 * {@code govshare.access.rate-limit} reads per {@code rate-window}, a fixed window counted in PostgreSQL
 * ({@code grant_read_window}), so that the limit holds across every node of a cluster, not per node. Every refusal is
 * also counted in {@code access_throttle} per grant and day, where the violation detector finds bulk scraping
 * (Art. 33 v). Both counts commit by themselves ({@link AccessThrottleStore}): a refused read rolls back, its count
 * stays.
 */
@Component
class GrantRateLimit {

    private final AccessProperties properties;
    private final Clock clock;
    private final AccessThrottleStore throttles;

    GrantRateLimit(AccessProperties properties, Clock clock, AccessThrottleStore throttles) {
        this.properties = properties;
        this.clock = clock;
        this.throttles = throttles;
    }

    /** Counts one read under a grant, or refuses it with 429 when the grant is over its limit. */
    void acquire(String grantId) {
        long now = clock.millis();
        long window = properties.rateWindow().toMillis();
        AccessThrottleStore.Window counted = throttles.countRead(grantId, now, window);
        int reads = counted.reads();
        long windowStart = counted.startMillis();
        if (reads > properties.rateLimit()) {
            throttles.countRefusal(grantId, LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(8)));
            long retryAfter = Math.max(1, (windowStart + window - now + 999) / 1000);
            throw new TooManyRequestsException("grant-rate-limit", "grant " + grantId + " allows "
                    + properties.rateLimit() + " reads per " + properties.rateWindow().toSeconds()
                    + " s; try again in " + retryAfter + " s (reading a dataset wholesale is not what a grant is for)",
                    retryAfter);
        }
    }
}
