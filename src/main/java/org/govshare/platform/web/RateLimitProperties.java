package org.govshare.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("govshare.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Family> families,
                                  @DefaultValue("100000") int maxTrackedCallers,
                                  @DefaultValue("10s") Duration flushInterval) {

    public RateLimitProperties {
        families = families == null ? Map.of() : Map.copyOf(families);
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
            if (limit < 1 || window.toMillis() < 1000) {
                throw new IllegalArgumentException("a rate-limit family needs a limit of at least 1 and a window of"
                        + " at least 1 s, not " + limit + " per " + window + " (govshare.rate-limits.families)");
            }
        }
    }
}
