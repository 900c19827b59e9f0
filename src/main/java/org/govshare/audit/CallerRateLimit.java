package org.govshare.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.govshare.platform.web.FixedWindowCounter;

/**
 * Every caller's calls per family of endpoints, in fixed windows, in this node's memory: one map lookup and one
 * atomic update per call. Officials and registered systems are counted by who they are; callers without
 * credentials by their remote address (an IPv6 address by its /64, which one subscriber usually holds whole).
 * Memory is bounded ({@link FixedWindowCounter}) for callers without credentials only: authenticated callers are
 * as many as the accounts, and never share the overflow counter a flood of addresses ends up in. Failed
 * authentications have a family of their own, {@value #FAILED_LOGINS}, counted per address on every path.
 */
@Component
public class CallerRateLimit {

    /** The request attribute holding the {@link Counted} of the call, once it was counted. */
    public static final String COUNTED_ATTRIBUTE = CallerRateLimit.class.getName() + ".counted";
    /** The family every failed authentication is counted in, against the address it came from. */
    public static final String FAILED_LOGINS = "authentication";
    /** Who new callers without credentials are counted as while the map is full. */
    public static final String OVERFLOW = "(too many callers)";

    private static final String ANONYMOUS = "anonymous@";

    private final RateLimitProperties properties;
    private final Clock clock;
    /** Longest prefix first, so the most specific family wins. */
    private final List<Map.Entry<String, Family>> prefixes;
    private final Family failedLogins;
    private final FixedWindowCounter<Key> windows;

    /** A family of endpoints as the limiter uses it. */
    public record Family(String name, int limit, long windowMillis) {
    }

    /** Whom a call was counted against (the overflow caller when it was one address too many), on which family. */
    public record Counted(String caller, Family family) {
    }

    private record Key(String caller, String family) {
    }

    CallerRateLimit(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.windows = new FixedWindowCounter<>(properties.maxTrackedCallers(),
                key -> isAnonymous(key.caller()) ? new Key(OVERFLOW, key.family()) : key);
        this.prefixes = properties.families().entrySet().stream()
                .flatMap(f -> f.getValue().paths().stream().map(prefix -> Map.entry(stripSlash(prefix),
                        new Family(f.getKey(), f.getValue().limit(), f.getValue().window().toMillis()))))
                .sorted(Comparator.comparingInt((Map.Entry<String, Family> e) -> e.getKey().length()).reversed())
                .toList();
        this.failedLogins = new Family(FAILED_LOGINS, properties.failedLogins().limit(),
                properties.failedLogins().window().toMillis());
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
        return actor == null || Actor.ANONYMOUS.equals(actor) ? addressOf(request) : actor.id();
    }

    /** A caller without (valid) credentials, counted by address: whoever they claim to be. */
    public static String addressOf(HttpServletRequest request) {
        return ANONYMOUS + network(request.getRemoteAddr());
    }

    /** Whether a caller is counted by address rather than by who it is. */
    public static boolean isAnonymous(String caller) {
        return caller.startsWith(ANONYMOUS) || OVERFLOW.equals(caller);
    }

    /**
     * Counts one call; answers who it was counted against and 0 when it may go on, or the seconds until the
     * caller's window ends when it is over the limit.
     */
    public FixedWindowCounter.Tally<String> acquire(String caller, Family family) {
        FixedWindowCounter.Tally<Key> tally = windows.tally(new Key(caller, family.name()), family.limit(),
                family.windowMillis(), clock.millis());
        return new FixedWindowCounter.Tally<>(tally.countedAs().caller(), tally.retryAfterSeconds());
    }

    /** The family of failed authentications, or null when nothing is limited. */
    public Family failedLogins() {
        return properties.enabled() ? failedLogins : null;
    }

    /** Counts one failed authentication against the address it came from. */
    public FixedWindowCounter.Tally<String> failedLogin(HttpServletRequest request) {
        return acquire(addressOf(request), failedLogins);
    }

    /**
     * Without counting: 0 while the request's address may still try to authenticate, else the seconds until its
     * window of failed authentications ends.
     */
    public long loginsRefused(HttpServletRequest request) {
        return properties.enabled() ? windows.exhausted(new Key(addressOf(request), FAILED_LOGINS),
                failedLogins.limit(), clock.millis()) : 0;
    }

    /** How many counters are held now (for tests of the bound). */
    int tracked() {
        return windows.size();
    }

    /** An IPv6 address by its /64 (an IPv4 one as it is): one subscriber's prefix is one caller. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal, so no name is looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
