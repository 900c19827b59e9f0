package org.govshare.provider;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The setting {@code govshare.provider-services.allowed-networks}, read: CIDR ranges ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}, or one address) and host names, exact ({@code api.gaj.zz.gov}) or a domain's names
 * ({@code *.zz.gov}: any name under zz.gov, not zz.gov itself).
 */
final class AllowedNetworks {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final List<NetworkRange> ranges = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();

    /** @throws IllegalArgumentException naming the entry that is neither a range nor a host name */
    AllowedNetworks(List<String> entries) {
        for (String entry : entries) {
            String text = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                // an unset environment variable (GOVSHARE_PROVIDERSERVICES_ALLOWEDNETWORKS=) lists nothing
                continue;
            }
            if (text.contains(":") || text.contains("/") || text.matches("[0-9.]+")) {
                ranges.add(NetworkRange.parse(text));
            } else if (HOST_NAME.matcher(text).matches()) {
                if (text.startsWith("*.")) {
                    domains.add(text.substring(1));
                } else {
                    names.add(text);
                }
            } else {
                throw new IllegalArgumentException("govshare.provider-services.allowed-networks: '" + entry
                        + "' is neither a CIDR range (10.0.0.0/8, 2001:db8::/32) nor a host name (api.gaj.zz.gov,"
                        + " *.zz.gov)");
            }
        }
    }

    /** Whether a listed range holds the address. */
    boolean covers(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** Whether a listed range holds the address and lies wholly inside {@code block}: it names that block on purpose. */
    boolean coversWithin(InetAddress address, NetworkRange block) {
        return ranges.stream().anyMatch(range -> range.contains(address) && range.within(block));
    }

    /** Whether the host name is listed, itself or by its domain. */
    boolean names(String host) {
        String name = normalised(host);
        return names.contains(name) || domains.stream().anyMatch(name::endsWith);
    }

    boolean isEmpty() {
        return ranges.isEmpty() && names.isEmpty() && domains.isEmpty();
    }

    /** A host name as DNS compares it: lower case, without the root's trailing dot. */
    static String normalised(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
