package org.govshare.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many calls each caller may make to the platform API and the engine's REST API, per family of endpoints
 * (see docs/rate-limits.md). Counted in memory on each node.
 *
 * @param enabled whether callers are limited at all (off only for benchmarks that measure something else)
 * @param families the endpoint families by name, each with the path prefixes it covers and its limit; a path takes
 *                 the family with its longest matching prefix, and a path no family covers is not limited
 * @param maxTrackedCallers the most caller-and-family counters kept; past it, idle ones are dropped, and if none is
 *                          idle, new callers share one counter per family (memory stays bounded under any flood)
 * @param flushInterval how often windows that have closed are looked at, to write down how many calls they refused
 * @param failedLogins how many failed authentications (wrong password, unknown login, on any path and on the
 *                     webapps' login) one address may have in a window; past it every call from the address that
 *                     brings credentials is answered 429 until the window ends, whatever the password
 * @param recordedRefusals how many refusals of one caller (across all families) are recorded one by one in a
 *                         window; further refusals are still answered, but only counted into one summary event
 * @param maxRateLimitedEvents how many {@code RATE_LIMITED} events callers without credentials may open on one
 *                             family in its window; the refusals of further addresses are only counted together
 */
@ConfigurationProperties("govshare.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Family> families,
                                  @DefaultValue("100000") int maxTrackedCallers,
                                  @DefaultValue("10s") Duration flushInterval,
                                  @DefaultValue Budget failedLogins, @DefaultValue Budget recordedRefusals,
                                  @DefaultValue("100") int maxRateLimitedEvents) {

    @ConstructorBinding
    public RateLimitProperties {
        families = families == null ? Map.of() : Map.copyOf(families);
        failedLogins = failedLogins == null ? new Budget(20, Duration.ofMinutes(1)) : failedLogins;
        recordedRefusals = recordedRefusals == null ? new Budget(20, Duration.ofMinutes(1)) : recordedRefusals;
    }

    /** The families, limits and bound of a node without the per-address and per-caller budgets (tests). */
    public RateLimitProperties(boolean enabled, Map<String, Family> families, int maxTrackedCallers,
                               Duration flushInterval) {
        this(enabled, families, maxTrackedCallers, flushInterval, null, null, 100);
    }

    /**
     * A count per window that is not tied to paths.
     *
     * @param limit how many in one window
     * @param window the length of the fixed window they are counted in
     */
    public record Budget(@DefaultValue("20") int limit, @DefaultValue("1m") Duration window) {

        public Budget {
            checked(limit, window);
        }
    }

    private static void checked(int limit, Duration window) {
        if (limit < 1 || window.toMillis() < 1000) {
            throw new IllegalArgumentException("a rate limit needs a limit of at least 1 and a window of at least"
                    + " 1 s, not " + limit + " per " + window + " (govshare.rate-limits)");
        }
    }

    /**
     * One family of endpoints.
     *
     * @param paths the path prefixes it covers ({@code /api/audit} covers {@code /api/audit} and {@code /api/audit/…})
     * @param limit how many calls one caller may make in one window; more are answered 429
     * @param window the length of the fixed window the calls are counted in
     */
    public record Family(List<String> paths, int limit, @DefaultValue("1m") Duration window) {

        public Family {
            paths = paths == null ? List.of() : List.copyOf(paths);
            checked(limit, window);
        }
    }
}
