package org.govshare.provider;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which addresses a provider's service may be called at. A provider names the address, but the platform makes the
 * call from its own network position: without this check a service "at" {@code http://127.0.0.1:9200} would be the
 * platform's Elasticsearch, and {@code 169.254.169.254} the cloud's metadata service. So every address a host
 * resolves to must be allowed on its own: in a range {@link #SETTING} lists, or an ordinary public address of a host
 * name it lists (a listed name narrows, it never opens an address). Walled blocks (loopback, link-local, unspecified,
 * multicast, the private and other special-use ranges) and the platform's own addresses are reached only where a
 * listed range lies wholly inside them (a range as wide as {@code 0.0.0.0/0} does not count); an IPv6 address that
 * leads to an IPv4 one (NAT64, 6to4, Teredo) must pass for that address too; the platform's own web server never. The
 * check runs at registration and again for each connection.
 */
@Component
class ProviderAddressCheck {

    static final String SETTING = "govshare.provider-services.allowed-networks";

    /**
     * @param self whether a connection there may reach the platform's own machine, so its web server's port is refused
     *             even when a range opens the block
     */
    private record Walled(NetworkRange block, String what, boolean self) {

        Walled(String block, String what, boolean self) {
            this(NetworkRange.parse(block), what, self);
        }
    }

    private static final String PRIVATE = "a private address, where the platform's own neighbours may be";

    private static final List<Walled> WALLED = List.of(
            new Walled("0.0.0.0/8", "an unspecified address (\"this host\")", true),
            new Walled("127.0.0.0/8", "a loopback address, the platform's own machine", true),
            new Walled("169.254.0.0/16", "a link-local address, where cloud metadata services answer", true),
            new Walled("224.0.0.0/4", "a multicast address", true),
            new Walled("240.0.0.0/4", "a reserved or broadcast address", true),
            new Walled("::/128", "the unspecified address (\"this host\")", true),
            new Walled("::1/128", "the loopback address, the platform's own machine", true),
            new Walled("fe80::/10", "a link-local address", true),
            new Walled("ff00::/8", "a multicast address", true),
            new Walled("10.0.0.0/8", PRIVATE, false),
            new Walled("172.16.0.0/12", PRIVATE, false),
            new Walled("192.168.0.0/16", PRIVATE, false),
            new Walled("100.64.0.0/10", "a carrier-grade NAT address (shared address space)", false),
            new Walled("192.0.0.0/24", "an IETF protocol assignment", false),
            new Walled("198.18.0.0/15", "a benchmarking address, used inside networks", false),
            new Walled("fc00::/7", "a unique local address, IPv6's private range", false),
            new Walled("fec0::/10", "a site-local address, IPv6's former private range", false),
            new Walled("64:ff9b:1::/48", "a local-use NAT64 address, which may lead into private networks", false));

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
        Optional<EmbeddedIpv4> embedded = EmbeddedIpv4.in(address);
        if (embedded.isPresent()) {
            String shown = address.getHostAddress() + " (" + embedded.get().how() + " to "
                    + embedded.get().address().getHostAddress() + ")";
            String refusal = wallRefusal(host, embedded.get().address(), shown, port, own);
            if (refusal != null) {
                return refusal;
            }
        }
        String refusal = wallRefusal(host, address, address.getHostAddress(), port, own);
        if (refusal != null) {
            return refusal;
        }
        // past the walls, an address is either public or held by a listed range: a listed name may only narrow
        if (allowed.covers(address) || !literal(host) && allowed.names(host)) {
            return null;
        }
        return described(host, address.getHostAddress(), "outside the networks provider services may reach") + "; "
                + SETTING + (allowed.isEmpty() ? " decides which those are, and lists none yet" : " decides which those are");
    }

    /**
     * Why {@code address} is behind a wall no listed range opens, or null when it is not (public) or a range opens it.
     *
     * @param shown the address as the refusal names it
     */
    private String wallRefusal(String host, InetAddress address, String shown, int port, Set<InetAddress> own) {
        boolean ownAddress = own.contains(address);
        List<Walled> walls = WALLED.stream().filter(w -> w.block().contains(address)).toList();
        boolean self = ownAddress || walls.stream().anyMatch(Walled::self);
        if (self && (port == -1 || platform.ports().contains(port))) {
            return described(host, shown, "the platform itself" + (port == -1 ? "" : " (its web server listens on port "
                    + port + ")")) + "; the platform never calls itself as a provider's service";
        }
        for (Walled w : walls) {
            if (!allowed.coversWithin(address, w.block())) {
                return described(host, shown, w.what()) + "; provider services reach it only when " + SETTING
                        + " lists a range inside " + w.block();
            }
        }
        if (ownAddress && !allowed.coversWithin(address, NetworkRange.of(address))) {
            return described(host, shown, "one of the platform's own addresses") + "; provider services reach it"
                    + " only when " + SETTING + " lists that address itself";
        }
        return null;
    }

    private static String described(String host, String shown, String what) {
        return literal(host) ? shown + " is " + what : host + " resolves to " + shown + ", " + what;
    }

    private static boolean literal(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
