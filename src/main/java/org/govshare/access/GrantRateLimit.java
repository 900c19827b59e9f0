package org.govshare.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.govshare.platform.web.FixedWindowCounter;
import org.govshare.platform.web.TooManyRequestsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rate limit per grant, so that a grant cannot be used to copy a dataset wholesale: at most
 * {@code govshare.access.rate-limit} reads per {@code rate-window}. Counted in memory per node (a fixed window);
 * every refusal is also counted in {@code access_throttle} per grant and day, where the violation detector finds
 * bulk scraping (Art. 33 v).
 */
@Component
class GrantRateLimit {

    private final AccessProperties properties;
    private final Clock clock;
    private final AccessThrottleStore throttles;
    private final TransactionTemplate ownTransaction;
    /** Grants are few; the bound only matters if something goes badly wrong. */
    private final FixedWindowCounter<String> windows = new FixedWindowCounter<>(100_000, grant -> "(too many grants)");

    GrantRateLimit(AccessProperties properties, Clock clock, AccessThrottleStore throttles,
                   PlatformTransactionManager transactions) {
        this.properties = properties;
        this.clock = clock;
        this.throttles = throttles;
        this.ownTransaction = new TransactionTemplate(transactions);
        // the refused read rolls back; its count must stay
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts one read under a grant, or refuses it with 429 when the grant is over its limit. */
    void acquire(String grantId) {
        long retryAfter = windows.count(grantId, properties.rateLimit(), properties.rateWindow().toMillis(), clock.millis());
        if (retryAfter > 0) {
            count(grantId);
            throw new TooManyRequestsException("grant-rate-limit", "grant " + grantId + " allows "
                    + properties.rateLimit() + " reads per " + properties.rateWindow().toSeconds()
                    + " s; try again in " + retryAfter + " s (reading a dataset wholesale is not what a grant is for)",
                    retryAfter);
        }
    }

    private void count(String grantId) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(8));
        ownTransaction.executeWithoutResult(s -> throttles.countRefusal(grantId, day));
    }
}
