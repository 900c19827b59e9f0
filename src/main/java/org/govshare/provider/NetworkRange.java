package org.govshare.provider;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A CIDR range of IPv4 or IPv6 addresses ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is the range
 * of that one address). IPv4 addresses written in IPv6 ({@code ::ffff:127.0.0.1}) are taken as the IPv4 address
 * they name, since that is where a connection to them goes.
 */
record NetworkRange(byte[] network, int prefix) {

    /** Digits, dots, colons and hex only: a literal, never a name (parsing a name would look it up in DNS). */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    NetworkRange {
        network = masked(network, prefix);
    }

    /**
     * @param text {@code address} or {@code address/prefix}
     * @throws IllegalArgumentException when it is not an IP range
     */
    static NetworkRange parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(parts[0]);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        byte[] bytes = canonical(address).getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix outside 0.." + bits);
            }
        }
        return new NetworkRange(bytes, prefix);
    }

    static NetworkRange of(InetAddress address) {
        byte[] bytes = canonical(address).getAddress();
        return new NetworkRange(bytes, bytes.length * 8);
    }

    /**
     * The address a connection to {@code address} reaches: an IPv4-mapped ({@code ::ffff:a.b.c.d}) or IPv4-compatible
     * ({@code ::a.b.c.d}) IPv6 address is the IPv4 address inside it; {@code ::} and {@code ::1} stay IPv6.
     */
    static InetAddress canonical(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && (b[12] | b[13] | b[14]) != 0;
        return mapped || compatible ? ipv4(Arrays.copyOfRange(b, 12, 16)) : address;
    }

    static InetAddress ipv4(byte[] fourBytes) {
        try {
            return Inet4Address.getByAddress(fourBytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = canonical(address).getAddress();
        return candidate.length == network.length && Arrays.equals(masked(candidate, prefix), network);
    }

    /** Whether every address of this range is in {@code other}. */
    boolean within(NetworkRange other) {
        return network.length == other.network.length && prefix >= other.prefix
                && Arrays.equals(masked(network, other.prefix), other.network);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkRange other && prefix == other.prefix && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a range always holds 4 or 16 bytes", e);
        }
    }
}
