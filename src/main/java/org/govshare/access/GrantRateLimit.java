package org.govshare.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.govshare.platform.database.CounterDatabase;
import org.govshare.platform.web.TooManyRequestsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A rate limit per grant, so that a grant cannot be used to copy a dataset wholesale: at most
 * {@code govshare.access.rate-limit} reads per {@code rate-window}, a fixed window counted in PostgreSQL
 * ({@code grant_read_window}), so that the limit holds across every node of a cluster, not per node. Every refusal is
 * also counted in {@code access_throttle} per grant and day, where the violation detector finds bulk scraping
 * (Art. 33 v). Both counts commit by themselves ({@link CounterDatabase}): a refused read rolls back, its count stays.
 */
@Component
class GrantRateLimit {

    private final AccessProperties properties;
    private final Clock clock;
    private final AccessThrottleStore throttles;
    private final JdbcTemplate counters;

    GrantRateLimit(AccessProperties properties, Clock clock, AccessThrottleStore throttles, CounterDatabase counters) {
        this.properties = properties;
        this.clock = clock;
        this.throttles = throttles;
        this.counters = counters.jdbc();
    }

    /** Counts one read under a grant, or refuses it with 429 when the grant is over its limit. */
    void acquire(String grantId) {
        long now = clock.millis();
        long window = properties.rateWindow().toMillis();
        // one statement: the row is locked only while it runs, and two nodes counting at once both count; a window
        // opens at the first read after the last one closed
        Map<String, Object> counted = counters.queryForMap("""
                insert into grant_read_window as w (grant_id, window_start, reads) values (?, ?, 1)
                on conflict (grant_id) do update set
                    reads = case when w.window_start > ? then w.reads + 1 else 1 end,
                    window_start = case when w.window_start > ? then w.window_start else excluded.window_start end
                returning reads, window_start""", grantId, new Timestamp(now), new Timestamp(now - window),
                new Timestamp(now - window));
        int reads = ((Number) counted.get("reads")).intValue();
        long windowStart = ((java.util.Date) counted.get("window_start")).getTime();
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
