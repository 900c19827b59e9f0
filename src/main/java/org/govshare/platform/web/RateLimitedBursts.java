package org.govshare.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.govshare.audit.Actor;
import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.audit.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a flood of refused calls from flooding the audit trail: of the calls a rate limit refuses one caller on
 * one family of endpoints, only the first of each window becomes a {@code RATE_LIMITED} event; the others are
 * counted here, and when the window has closed one {@code RATE_LIMIT_WINDOW_CLOSED} event says how many there
 * were. Both events are appended, never updated, so the chain stays append-only; they share the first refusal's
 * correlation id. A window lasts until the Retry-After its first refusal was given.
 */
@Component
public class RateLimitedBursts {

    private static final Logger log = LoggerFactory.getLogger(RateLimitedBursts.class);

    private final AuditTrail auditTrail;
    private final Clock clock;
    private final int maxOpen;
    private final ConcurrentHashMap<Key, Burst> open = new ConcurrentHashMap<>();

    private record Key(String caller, String family) {
    }

    private record Burst(Actor actor, String caller, String family, String correlationId, Instant from, Instant until,
                         AtomicInteger refused) {
    }

    RateLimitedBursts(AuditTrail auditTrail, Clock clock, RateLimitProperties properties) {
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.maxOpen = properties.maxTrackedCallers();
    }

    /**
     * Counts one refusal; true when it opens a window, and so is to be recorded as it happens.
     *
     * @param caller who is counted ({@link CallerRateLimit#callerOf})
     * @param family the endpoint family, or any name that keeps unrelated limits apart
     * @param retryAfterSeconds what the refused caller was told to wait: the window ends then
     */
    public boolean opens(Actor actor, String caller, String family, long retryAfterSeconds) {
        Instant now = clock.instant();
        Burst[] closed = new Burst[1];
        boolean[] opened = new boolean[1];
        Key key = new Key(caller, family);
        if (!open.containsKey(key) && open.size() >= maxOpen) {
            // a flood from more addresses than the limiter tracks: their refusals are counted together
            key = new Key("(too many callers)", family);
        }
        open.compute(key, (k, b) -> {
            if (b != null && now.isBefore(b.until())) {
                b.refused().incrementAndGet();
                return b;
            }
            closed[0] = b;
            opened[0] = true;
            return new Burst(actor, k.caller(), family, MDC.get(AuditTrail.CORRELATION_ID), now,
                    now.plusSeconds(Math.max(1, retryAfterSeconds)), new AtomicInteger(1));
        });
        if (closed[0] != null) {
            close(closed[0]);
        }
        return opened[0];
    }

    /** Writes down the windows that have closed since the last look. */
    @Scheduled(fixedDelayString = "${govshare.rate-limits.flush-interval:10s}")
    void flush() {
        Instant now = clock.instant();
        open.forEach((key, burst) -> {
            if (!now.isBefore(burst.until()) && open.remove(key, burst)) {
                close(burst);
            }
        });
    }

    /** A node that stops writes down what it counted so far. */
    @PreDestroy
    void flushAll() {
        open.forEach((key, burst) -> {
            if (open.remove(key, burst)) {
                close(burst);
            }
        });
    }

    private void close(Burst burst) {
        int refused = burst.refused().get();
        if (refused < 2) {
            // its RATE_LIMITED event already tells the whole story
            return;
        }
        String outer = MDC.get(AuditTrail.CORRELATION_ID);
        MDC.put(AuditTrail.CORRELATION_ID, burst.correlationId());
        try {
            auditTrail.record(new AuditEntry(AuditAction.RATE_LIMIT_WINDOW_CLOSED, Outcome.REFUSED,
                    "rate-limit", burst.family(), refused + " calls over the limit refused from " + burst.from()
                    + " to " + burst.until(), burst.actor(), Map.of())
                    .with("caller", burst.caller()).with("family", burst.family()).with("refused", refused)
                    .with("from", burst.from().toString()).with("until", burst.until().toString()));
        } catch (RuntimeException e) {
            log.error("Could not record that {} had {} calls refused on {} from {} to {}: {}", burst.caller(), refused,
                    burst.family(), burst.from(), burst.until(), e.toString());
        } finally {
            if (outer != null) {
                MDC.put(AuditTrail.CORRELATION_ID, outer);
            } else {
                MDC.remove(AuditTrail.CORRELATION_ID);
            }
        }
    }
}
