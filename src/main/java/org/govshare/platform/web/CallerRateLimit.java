package org.govshare.platform.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.govshare.audit.Actor;
import org.springframework.stereotype.Component;

/**
 * Every caller's calls per family of endpoints, in fixed windows, in this node's memory: one map lookup and one
 * atomic update per call. Officials and registered systems are counted by who they are; callers without
 * credentials by their remote address. Memory is bounded ({@link FixedWindowCounter}).
 */
@Component
public class CallerRateLimit {

    /** The request attribute holding who the call was counted against, once it was. */
    public static final String COUNTED_ATTRIBUTE = CallerRateLimit.class.getName() + ".counted";

    private final RateLimitProperties properties;
    private final Clock clock;
    /** Longest prefix first, so the most specific family wins. */
    private final List<Map.Entry<String, Family>> prefixes;
    private final FixedWindowCounter<Counted> windows;

    /** A family of endpoints as the limiter uses it. */
    public record Family(String name, int limit, long windowMillis) {
    }

    private record Counted(String caller, String family) {
    }

    CallerRateLimit(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        // callers past the bound, while no counter is idle enough to drop, are counted together
        this.windows = new FixedWindowCounter<>(properties.maxTrackedCallers(),
                counted -> new Counted("(too many callers)", counted.family()));
        this.prefixes = properties.families().entrySet().stream()
                .flatMap(f -> f.getValue().paths().stream().map(prefix -> Map.entry(stripSlash(prefix),
                        new Family(f.getKey(), f.getValue().limit(), f.getValue().window().toMillis()))))
                .sorted(Comparator.comparingInt((Map.Entry<String, Family> e) -> e.getKey().length()).reversed())
                .toList();
    }

    /** The family a path (without the context path) belongs to, or null when it is not limited. */
    public Family familyOf(String path) {
        if (!properties.enabled()) {
            return null;
        }
        for (Map.Entry<String, Family> prefix : prefixes) {
            String p = prefix.getKey();
            if (path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '/')) {
                return prefix.getValue();
            }
        }
        return null;
    }

    /** Who is counted: the official or system by its id, a caller without credentials by its address. */
    public static String callerOf(Actor actor, HttpServletRequest request) {
        return actor == null || Actor.ANONYMOUS.equals(actor) ? "anonymous@" + request.getRemoteAddr() : actor.id();
    }

    /**
     * Counts one call; answers 0 when it may go on, or the seconds until the caller's window ends when it is over
     * the limit.
     */
    public long acquire(String caller, Family family) {
        return windows.count(new Counted(caller, family.name()), family.limit(), family.windowMillis(), clock.millis());
    }

    /** How many counters are held now (for tests of the bound). */
    int tracked() {
        return windows.size();
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
