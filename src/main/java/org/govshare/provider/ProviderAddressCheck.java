package org.govshare.provider;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which addresses a provider's service may be called at. A provider names the address, but the platform makes the
 * call from its own network position: without this check a service "at" {@code http://127.0.0.1:9200} would be the
 * platform's Elasticsearch, and {@code 169.254.169.254} the cloud's metadata service. So every address a host
 * resolves to must lie in {@link #SETTING}; loopback, link-local, unspecified, multicast and the platform's own
 * addresses only where a listed range lies wholly inside them (a range as wide as {@code 0.0.0.0/0} does not
 * count), and the platform's own web server never. The check runs at registration and again for each connection.
 */
@Component
class ProviderAddressCheck {

    static final String SETTING = "govshare.provider-services.allowed-networks";

    private record Reserved(NetworkRange block, String what) {

        Reserved(String block, String what) {
            this(NetworkRange.parse(block), what);
        }
    }

    private static final List<Reserved> RESERVED = List.of(
            new Reserved("0.0.0.0/8", "an unspecified address (\"this host\")"),
            new Reserved("127.0.0.0/8", "a loopback address, the platform's own machine"),
            new Reserved("169.254.0.0/16", "a link-local address, where cloud metadata services answer"),
            new Reserved("224.0.0.0/4", "a multicast address"),
            new Reserved("240.0.0.0/4", "a reserved or broadcast address"),
            new Reserved("::/128", "the unspecified address (\"this host\")"),
            new Reserved("::1/128", "the loopback address, the platform's own machine"),
            new Reserved("fe80::/10", "a link-local address"),
            new Reserved("ff00::/8", "a multicast address"));

    private final AllowedNetworks allowed;
    private final PlatformEndpoints platform;
    private final HostResolver resolver;

    @Autowired
    ProviderAddressCheck(ProviderServicesProperties properties, PlatformEndpoints platform) {
        this(properties, platform, HostResolver.SYSTEM);
    }

    ProviderAddressCheck(ProviderServicesProperties properties, PlatformEndpoints platform, HostResolver resolver) {
        this.allowed = new AllowedNetworks(properties.allowedNetworks());
        this.platform = platform;
        this.resolver = resolver;
    }

    /** {@link #reachable(String, int)} for an absolute http(s) address. */
    List<InetAddress> reachable(URI uri) throws UnknownHostException {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return reachable(uri.getHost(), port);
    }

    /**
     * Resolves the host and checks every address it has: a name that resolves to one allowed and one refused address
     * is refused, since either may be the one connected to.
     *
     * @param port the port called; {@code -1} when unknown, which counts as the platform's own port
     * @return the addresses to connect to, each allowed
     * @throws AddressNotAllowedException saying which address is not allowed and why
     * @throws UnknownHostException when the host has no address
     */
    List<InetAddress> reachable(String host, int port) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        Set<InetAddress> own = new HashSet<>();
        platform.addresses().forEach(address -> own.add(NetworkRange.canonical(address)));
        for (InetAddress address : addresses) {
            String refusal = refusal(name, NetworkRange.canonical(address), port, own);
            if (refusal != null) {
                throw new AddressNotAllowedException(refusal);
            }
        }
        return List.of(addresses);
    }

    /** Why the platform may not connect to {@code address} for {@code host}, or null when it may. */
    private String refusal(String host, InetAddress address, int port, Set<InetAddress> own) {
        boolean ownAddress = own.contains(address);
        List<Reserved> reserved = RESERVED.stream().filter(r -> r.block().contains(address)).toList();
        if ((ownAddress || !reserved.isEmpty()) && (port == -1 || platform.ports().contains(port))) {
            return described(host, address, "the platform itself" + (port == -1 ? "" : " (its web server listens on port "
                    + port + ")")) + "; the platform never calls itself as a provider's service";
        }
        for (Reserved r : reserved) {
            if (!allowed.coversWithin(address, r.block())) {
                return described(host, address, r.what()) + "; provider services reach it only when " + SETTING
                        + " lists a range inside " + r.block();
            }
        }
        if (ownAddress && !allowed.coversWithin(address, NetworkRange.of(address))) {
            return described(host, address, "one of the platform's own addresses") + "; provider services reach it"
                    + " only when " + SETTING + " lists that address itself";
        }
        if (ownAddress || !reserved.isEmpty() || allowed.covers(address) || !literal(host) && allowed.names(host)) {
            return null;
        }
        return described(host, address, "outside the networks provider services may reach") + "; " + SETTING
                + (allowed.isEmpty() ? " decides which those are, and lists none yet" : " decides which those are");
    }

    private static String described(String host, InetAddress address, String what) {
        return literal(host) ? address.getHostAddress() + " is " + what
                : host + " resolves to " + address.getHostAddress() + ", " + what;
    }

    private static boolean literal(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
