package org.govshare.audit;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.govshare.platform.web.FixedWindowCounter;

/**
 * How many refusals of one caller are recorded one by one: the first {@code recorded-refusals} of each window,
 * across all families; the others are still answered, and counted into one {@code REFUSALS_SUMMARISED} event when
 * the window closes ({@link RateLimitedBursts}). Without it, a caller under every request limit could still write
 * a refusal event per call, on every family at once. Counted per caller in this node's memory, like the limits.
 */
@Component
public class RecordedRefusals {

    private final RateLimitedBursts bursts;
    private final Clock clock;
    private final int limit;
    private final long windowMillis;
    private final FixedWindowCounter<String> perCaller;

    RecordedRefusals(RateLimitedBursts bursts, Clock clock, RateLimitProperties properties) {
        this.bursts = bursts;
        this.clock = clock;
        this.limit = properties.recordedRefusals().limit();
        this.windowMillis = properties.recordedRefusals().window().toMillis();
        // authenticated callers are as many as the accounts; only addresses share a counter past the bound
        this.perCaller = new FixedWindowCounter<>(properties.maxTrackedCallers(),
                caller -> CallerRateLimit.isAnonymous(caller) ? CallerRateLimit.OVERFLOW : caller);
    }

    /**
     * Counts one refusal of a caller; true when it is to be recorded on its own, false when it was counted into the
     * caller's summary instead.
     *
     * @param caller who is counted: the authenticated caller's id, or the address ({@link CallerRateLimit#addressOf})
     */
    public boolean mayRecord(Actor actor, String caller) {
        FixedWindowCounter.Tally<String> tally = perCaller.tally(caller, limit, windowMillis, clock.millis());
        if (tally.retryAfterSeconds() == 0) {
            return true;
        }
        bursts.summarise(actor, tally.countedAs(), tally.retryAfterSeconds());
        return false;
    }
}
