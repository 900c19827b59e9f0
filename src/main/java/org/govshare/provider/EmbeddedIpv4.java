package org.govshare.provider;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The IPv4 address an IPv6 address leads to through a translator or tunnel: a connection to
 * {@code 64:ff9b::7f00:1} leaves the NAT64 gateway for {@code 127.0.0.1}, one to {@code 2002:a9fe:a9fe::1} is
 * tunnelled to {@code 169.254.169.254}. The walls must hold for that address too, or an IPv6 address is a way
 * around them. (IPv4-mapped and IPv4-compatible addresses are the IPv4 address itself: see
 * {@link NetworkRange#canonical}.)
 *
 * @param how the mechanism, as the refusal names it: {@code NAT64}, {@code 6to4} or {@code Teredo}
 * @param address the IPv4 address reached
 */
record EmbeddedIpv4(String how, InetAddress address) {

    private static final NetworkRange NAT64 = NetworkRange.parse("64:ff9b::/96");
    // RFC 8215's local-use prefix: the operator may embed at /48 to /96; the walls keep the whole block behind a listed
    // range, so only the /96 layout, the usual one, is unwrapped here
    private static final NetworkRange LOCAL_NAT64 = NetworkRange.parse("64:ff9b:1::/48");
    private static final NetworkRange SIX_TO_FOUR = NetworkRange.parse("2002::/16");
    private static final NetworkRange TEREDO = NetworkRange.parse("2001::/32");

    static Optional<EmbeddedIpv4> in(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        if (NAT64.contains(address) || LOCAL_NAT64.contains(address)) {
            return Optional.of(new EmbeddedIpv4("NAT64", NetworkRange.ipv4(Arrays.copyOfRange(b, 12, 16))));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(new EmbeddedIpv4("6to4", NetworkRange.ipv4(Arrays.copyOfRange(b, 2, 6))));
        }
        if (TEREDO.contains(address)) {
            // the client's own address, where the relay sends the traffic, is stored inverted (RFC 4380)
            byte[] client = Arrays.copyOfRange(b, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            return Optional.of(new EmbeddedIpv4("Teredo", NetworkRange.ipv4(client)));
        }
        return Optional.empty();
    }
}
