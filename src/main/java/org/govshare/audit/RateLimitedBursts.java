package org.govshare.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.govshare.platform.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.govshare.platform.web.FixedWindowCounter;

/**
 * Keeps a flood of refused calls from flooding the audit trail. Of the calls a rate limit refuses one caller on
 * one family of endpoints, only the first of each window becomes a {@code RATE_LIMITED} event; the others are
 * counted here, and when the window has closed one {@code RATE_LIMIT_WINDOW_CLOSED} event says how many there
 * were. Callers without credentials open at most {@code max-rate-limited-events} such windows per family and
 * window; the refusals of further addresses are counted together, under {@link CallerRateLimit#OVERFLOW}, with no
 * first event. Refusals past a caller's {@code recorded-refusals} ({@link RecordedRefusals}) are counted the same
 * way, into one {@code REFUSALS_SUMMARISED} event per caller and window. Every event is appended, never updated,
 * so the chain stays append-only; a window's events share the correlation id of its first counted refusal.
 */
@Component
public class RateLimitedBursts {

    private static final Logger log = LoggerFactory.getLogger(RateLimitedBursts.class);
    /** The family name refusals past a caller's recorded-refusal budget are counted under. */
    private static final String SUMMARISED = "(refusals)";

    private final AuditTrail auditTrail;
    private final Clock clock;
    private final int maxOpen;
    private final int maxEventsPerFamily;
    private final ConcurrentHashMap<Key, Burst> open = new ConcurrentHashMap<>();
    /** The windows opened with a RATE_LIMITED event, per family, by callers without credentials. */
    private final FixedWindowCounter<String> eventsPerFamily = new FixedWindowCounter<>(Integer.MAX_VALUE, f -> f);

    private record Key(String caller, String family) {
    }

    private record Burst(AuditAction summary, Actor actor, String caller, String family, String correlationId,
                         Instant from, Instant until, boolean firstRecorded, AtomicInteger refused) {
    }

    RateLimitedBursts(AuditTrail auditTrail, Clock clock, RateLimitProperties properties) {
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.maxOpen = properties.maxTrackedCallers();
        this.maxEventsPerFamily = properties.maxRateLimitedEvents();
    }

    /**
     * Counts one 429; true when it opens a window with its first refusal, which is to be recorded as it happens.
     *
     * @param caller who the call was counted against ({@link CallerRateLimit.Counted#caller})
     * @param family the endpoint family, or any name that keeps unrelated limits apart
     * @param familyWindowMillis the family's window, in which its {@code max-rate-limited-events} are counted
     * @param retryAfterSeconds what the refused caller was told to wait: the window ends then
     */
    public boolean opens(Actor actor, String caller, String family, long familyWindowMillis, long retryAfterSeconds) {
        Instant now = clock.instant();
        Key key = bounded(new Key(caller, family));
        Burst current = open.get(key);
        boolean record = true;
        if ((current == null || !now.isBefore(current.until())) && CallerRateLimit.isAnonymous(key.caller())
                && eventsPerFamily.count(family, maxEventsPerFamily, familyWindowMillis, now.toEpochMilli()) > 0) {
            // more addresses refused on this family in this window than are worth an event each
            key = new Key(CallerRateLimit.OVERFLOW, family);
            record = false;
        }
        return count(key, AuditAction.RATE_LIMIT_WINDOW_CLOSED, actor, now, now.plusSeconds(Math.max(1, retryAfterSeconds)), record)
                && record;
    }

    /**
     * Counts one refusal that is not recorded on its own, the caller having had its recorded refusals for the
     * window: written down as one {@code REFUSALS_SUMMARISED} event once the window has closed.
     *
     * @param retryAfterSeconds the seconds until the caller's window of recorded refusals ends
     */
    public void summarise(Actor actor, String caller, long retryAfterSeconds) {
        Instant now = clock.instant();
        count(bounded(new Key(caller, SUMMARISED)), AuditAction.REFUSALS_SUMMARISED, actor, now,
                now.plusSeconds(Math.max(1, retryAfterSeconds)), false);
    }

    /** A flood from more addresses than the limiter tracks has its refusals counted together. */
    private Key bounded(Key key) {
        return !open.containsKey(key) && open.size() >= maxOpen && CallerRateLimit.isAnonymous(key.caller())
                ? new Key(CallerRateLimit.OVERFLOW, key.family()) : key;
    }

    /** Counts into the key's window, opening one when none is open; true when it opened one. */
    private boolean count(Key key, AuditAction summary, Actor actor, Instant now, Instant until, boolean firstRecorded) {
        Burst[] closed = new Burst[1];
        boolean[] opened = new boolean[1];
        open.compute(key, (k, b) -> {
            if (b != null && now.isBefore(b.until())) {
                b.refused().incrementAndGet();
                return b;
            }
            closed[0] = b;
            opened[0] = true;
            return new Burst(summary, actor, k.caller(), k.family(), CorrelationId.current(), now, until,
                    firstRecorded, new AtomicInteger(1));
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
        if (burst.firstRecorded() && refused < 2) {
            // its RATE_LIMITED event already tells the whole story
            return;
        }
        String outer = CorrelationId.current();
        MDC.put(CorrelationId.KEY, burst.correlationId());
        try {
            boolean summarised = burst.summary() == AuditAction.REFUSALS_SUMMARISED;
            AuditEntry entry = new AuditEntry(burst.summary(), Outcome.REFUSED,
                    summarised ? "refusals" : "rate-limit", summarised ? burst.caller() : burst.family(),
                    summarised ? refused + " refusals counted, not recorded one by one, from " + burst.from() + " to "
                            + burst.until() : refused + " calls over the limit refused from " + burst.from() + " to "
                            + burst.until(), burst.actor(), Map.of())
                    .with("caller", burst.caller()).with("refused", refused)
                    .with("from", burst.from().toString()).with("until", burst.until().toString());
            auditTrail.record(summarised ? entry
                    : entry.with("family", burst.family()).with("firstRecorded", burst.firstRecorded()));
        } catch (RuntimeException e) {
            log.error("Could not record that {} had {} calls refused on {} from {} to {}: {}", burst.caller(), refused,
                    burst.family(), burst.from(), burst.until(), e.toString());
        } finally {
            if (outer != null) {
                MDC.put(CorrelationId.KEY, outer);
            } else {
                MDC.remove(CorrelationId.KEY);
            }
        }
    }
}
