package org.govshare.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The walls around providers' services, without the network: a resolver that answers what the test says, the
 * platform at 192.0.2.2 listening on port 8080.
 */
class ProviderAddressCheckTest {

    private static final int PLATFORM_PORT = 8080;
    private static final int SERVICE_PORT = 443;

    private Map<String, String[]> dns = Map.of();

    private ProviderAddressCheck check(String... allowed) {
        PlatformEndpoints platform = new PlatformEndpoints(() -> Set.of(address("192.0.2.2"), address("127.0.0.1"),
                address("::1")));
        platform.listening(PLATFORM_PORT);
        // names as DNS answers them: case-insensitive, with or without the root's dot
        return new ProviderAddressCheck(properties(allowed), platform, host -> dns.containsKey(AllowedNetworks.normalised(host))
                ? Arrays.stream(dns.get(AllowedNetworks.normalised(host))).map(ProviderAddressCheckTest::address)
                        .toArray(InetAddress[]::new)
                : InetAddress.getAllByName(host.matches("[0-9a-fA-F.:]+") ? host : "no-such-host.invalid"));
    }

    static ProviderServicesProperties properties(String... allowed) {
        return new ProviderServicesProperties(Duration.ofSeconds(30), DataSize.ofMegabytes(10), List.of(allowed));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static String refusal(ProviderAddressCheck check, String host, int port) {
        try {
            check.reachable(host, port);
        } catch (AddressNotAllowedException e) {
            return e.getMessage();
        } catch (UnknownHostException e) {
            throw new AssertionError(host + " did not resolve", e);
        }
        throw new AssertionError(host + ":" + port + " was allowed");
    }

    @Test
    void loopbackLinkLocalUnspecifiedAndMulticastAreRefusedUnlessListed() {
        ProviderAddressCheck check = check("127.0.0.1/32", "10.0.0.0/8");

        assertThat(refusal(check, "127.0.0.2", SERVICE_PORT)).isEqualTo("127.0.0.2 is a loopback address, the platform's"
                + " own machine; provider services reach it only when govshare.provider-services.allowed-networks lists"
                + " a range inside 127.0.0.0/8");
        assertThat(refusal(check, "[::1]", SERVICE_PORT)).contains("loopback");
        assertThat(refusal(check, "169.254.169.254", SERVICE_PORT)).contains("link-local", "cloud metadata");
        assertThat(refusal(check, "fe80::1", SERVICE_PORT)).contains("link-local");
        assertThat(refusal(check, "0.0.0.0", SERVICE_PORT)).contains("unspecified");
        assertThat(refusal(check, "::", SERVICE_PORT)).contains("unspecified");
        assertThat(refusal(check, "224.0.0.1", SERVICE_PORT)).contains("multicast");
        assertThat(refusal(check, "ff02::1", SERVICE_PORT)).contains("multicast");
        assertThat(refusal(check, "255.255.255.255", SERVICE_PORT)).contains("broadcast");
    }

    @Test
    void ipv4WrittenAsIpv6OrAsOneNumberIsTheIpv4AddressItNames() {
        ProviderAddressCheck check = check("127.0.0.1/32", "10.0.0.0/8");

        assertThat(refusal(check, "[::ffff:127.0.0.2]", SERVICE_PORT)).contains("127.0.0.2", "loopback");
        assertThat(refusal(check, "::ffff:169.254.169.254", SERVICE_PORT)).contains("169.254.169.254", "link-local");
        assertThat(refusal(check, "::7f00:2", SERVICE_PORT)).contains("127.0.0.2", "loopback");
        assertThat(refusal(check, "2130706434", SERVICE_PORT)).contains("127.0.0.2", "loopback");
        assertThatCode(() -> check.reachable("::ffff:10.1.2.3", SERVICE_PORT)).doesNotThrowAnyException();
    }

    @Test
    void aRangeAsWideAsTheWorldDoesNotOpenLoopbackOrMetadataButOneInsideThemDoes() {
        ProviderAddressCheck wide = check("0.0.0.0/0", "::/0");
        assertThat(refusal(wide, "127.0.0.5", SERVICE_PORT)).contains("loopback");
        assertThat(refusal(wide, "169.254.169.254", SERVICE_PORT)).contains("link-local");
        assertThat(refusal(wide, "fe80::1", SERVICE_PORT)).contains("link-local");
        assertThatCode(() -> wide.reachable("203.0.113.9", SERVICE_PORT)).doesNotThrowAnyException();

        ProviderAddressCheck listed = check("127.0.0.0/8", "169.254.169.254");
        assertThatCode(() -> listed.reachable("127.0.0.5", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> listed.reachable("169.254.169.254", SERVICE_PORT)).doesNotThrowAnyException();
        assertThat(refusal(listed, "169.254.0.1", SERVICE_PORT)).contains("link-local");
    }

    @Test
    void thePlatformsOwnAddressesNeedToBeListedThemselvesAndItsOwnPortNever() {
        ProviderAddressCheck check = check("192.0.2.0/24", "127.0.0.1/32");

        assertThat(refusal(check, "192.0.2.2", SERVICE_PORT)).isEqualTo("192.0.2.2 is one of the platform's own"
                + " addresses; provider services reach it only when govshare.provider-services.allowed-networks lists"
                + " that address itself");
        assertThatCode(() -> check.reachable("192.0.2.3", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> check("192.0.2.2").reachable("192.0.2.2", SERVICE_PORT)).doesNotThrowAnyException();

        assertThatCode(() -> check.reachable("127.0.0.1", SERVICE_PORT)).doesNotThrowAnyException();
        assertThat(refusal(check, "127.0.0.1", PLATFORM_PORT)).isEqualTo("127.0.0.1 is the platform itself (its web"
                + " server listens on port 8080); the platform never calls itself as a provider's service");
        assertThat(refusal(check("192.0.2.2"), "192.0.2.2", PLATFORM_PORT)).contains("the platform itself");
        assertThat(refusal(check("0.0.0.0/8"), "0.0.0.0", PLATFORM_PORT)).contains("the platform itself");
    }

    @Test
    void anAddressOutsideTheListIsRefusedAndWithNothingListedEveryAddressIs() {
        assertThat(refusal(check("10.0.0.0/8"), "203.0.113.5", SERVICE_PORT)).isEqualTo("203.0.113.5 is outside the"
                + " networks provider services may reach; govshare.provider-services.allowed-networks decides which"
                + " those are");
        assertThat(refusal(check(), "198.51.100.3", SERVICE_PORT)).endsWith("decides which those are, and lists none yet");
        assertThatCode(() -> check("10.0.0.0/8", "2001:db8::/32").reachable("2001:db8::7", SERVICE_PORT))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameIsCheckedOnEveryAddressItResolvesTo() {
        dns = Map.of("api.gaj.zz.gov", new String[]{"203.0.113.7"},
                "metadata.zz.gov", new String[]{"169.254.169.254"},
                "loop.zz.gov", new String[]{"127.0.0.2"},
                "v6loop.zz.gov", new String[]{"fe80::1"},
                "half.zz.gov", new String[]{"203.0.113.8", "127.0.0.1"},
                "localhost", new String[]{"127.0.0.1", "::1"},
                "api.other.example", new String[]{"203.0.113.7"},
                "zz.gov", new String[]{"203.0.113.7"});
        ProviderAddressCheck check = check("127.0.0.1/32", "*.zz.gov");

        assertThatCode(() -> check.reachable("api.gaj.zz.gov", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> check.reachable("API.GAJ.ZZ.GOV.", SERVICE_PORT)).doesNotThrowAnyException();
        assertThat(refusal(check, "metadata.zz.gov", SERVICE_PORT)).startsWith("metadata.zz.gov resolves to"
                + " 169.254.169.254, a link-local address");
        assertThat(refusal(check, "loop.zz.gov", SERVICE_PORT)).startsWith("loop.zz.gov resolves to 127.0.0.2, a loopback");
        assertThat(refusal(check, "v6loop.zz.gov", SERVICE_PORT)).contains("link-local");
        assertThat(refusal(check, "half.zz.gov", PLATFORM_PORT)).contains("127.0.0.1", "the platform itself");
        assertThat(refusal(check, "localhost", SERVICE_PORT)).as("127.0.0.1 is listed, ::1 is not")
                .contains("0:0:0:0:0:0:0:1", "loopback");
        assertThat(refusal(check, "api.other.example", SERVICE_PORT)).contains("outside the networks");
        assertThat(refusal(check, "zz.gov", SERVICE_PORT)).as("*.zz.gov names the names under zz.gov")
                .contains("outside the networks");
        assertThatThrownBy(() -> check.reachable("no-such-host.invalid", SERVICE_PORT))
                .isInstanceOf(UnknownHostException.class).isNotInstanceOf(AddressNotAllowedException.class);
    }

    @Test
    void aListedNameNarrowsTheAddressesItMayHaveButNeverOpensAPrivateOne() {
        dns = Map.of("db.zz.gov", new String[]{"10.1.2.3"},
                "api.gaj.zz.gov", new String[]{"8.8.8.8", "2a00:1450:4001::1"},
                "es.zz.gov", new String[]{"fd12:3456::9"},
                "cgnat.zz.gov", new String[]{"100.64.0.7"},
                "bench.zz.gov", new String[]{"198.18.0.1"},
                "lan.zz.gov", new String[]{"8.8.8.8", "192.168.1.1"},
                "other.zz.gov", new String[]{"172.16.5.5"});

        ProviderAddressCheck namesOnly = check("*.zz.gov");
        assertThat(refusal(namesOnly, "db.zz.gov", SERVICE_PORT)).isEqualTo("db.zz.gov resolves to 10.1.2.3, a private"
                + " address, where the platform's own neighbours may be; provider services reach it only when"
                + " govshare.provider-services.allowed-networks lists a range inside 10.0.0.0/8");
        assertThatCode(() -> namesOnly.reachable("api.gaj.zz.gov", SERVICE_PORT)).doesNotThrowAnyException();
        assertThat(refusal(namesOnly, "es.zz.gov", SERVICE_PORT)).contains("unique local", "inside fc00:0:0:0:0:0:0:0/7");
        assertThat(refusal(namesOnly, "cgnat.zz.gov", SERVICE_PORT)).contains("carrier-grade NAT", "100.64.0.0/10");
        assertThat(refusal(namesOnly, "bench.zz.gov", SERVICE_PORT)).contains("benchmarking", "198.18.0.0/15");
        assertThat(refusal(namesOnly, "lan.zz.gov", SERVICE_PORT)).contains("192.168.1.1", "inside 192.168.0.0/16");

        ProviderAddressCheck extranet = check("10.0.0.0/8", "*.zz.gov");
        assertThatCode(() -> extranet.reachable("db.zz.gov", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> extranet.reachable("10.9.9.9", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> extranet.reachable("api.gaj.zz.gov", SERVICE_PORT)).doesNotThrowAnyException();
        assertThat(refusal(extranet, "other.zz.gov", SERVICE_PORT)).contains("172.16.5.5", "inside 172.16.0.0/12");
        assertThat(refusal(extranet, "8.8.8.8", SERVICE_PORT)).as("a public address needs a listed name or range")
                .contains("outside the networks");

        assertThat(refusal(check("0.0.0.0/0", "::/0"), "10.1.2.3", SERVICE_PORT))
                .as("the world's ranges open public addresses, not the private ones").contains("inside 10.0.0.0/8");
    }

    @Test
    void aUniqueLocalAddressIsRefusedUnlessARangeInsideFc00IsListed() {
        assertThat(refusal(check("::/0"), "fc00::1", SERVICE_PORT)).isEqualTo("fc00:0:0:0:0:0:0:1 is a unique local"
                + " address, IPv6's private range; provider services reach it only when"
                + " govshare.provider-services.allowed-networks lists a range inside fc00:0:0:0:0:0:0:0/7");
        assertThatCode(() -> check("fc00::/8").reachable("fc00::1", SERVICE_PORT)).doesNotThrowAnyException();
        assertThat(refusal(check("fd00::/8"), "fc00::1", SERVICE_PORT)).as("fd00::/8 does not hold fc00::1")
                .contains("inside fc00:0:0:0:0:0:0:0/7");
    }

    @Test
    void anIpv6AddressLeadingToAnIpv4OneIsJudgedByThatAddressToo() {
        dns = Map.of("nat64.zz.gov", new String[]{"64:ff9b::a01:203"},
                "public64.zz.gov", new String[]{"64:ff9b::808:808"},
                "teredo.zz.gov", new String[]{"2001:0:4136:e378:8000:63bf:3fff:fdd2"});
        ProviderAddressCheck check = check("2000::/3", "*.zz.gov");

        assertThat(refusal(check, "64:ff9b::7f00:1", SERVICE_PORT)).isEqualTo("64:ff9b:0:0:0:0:7f00:1 (NAT64 to"
                + " 127.0.0.1) is a loopback address, the platform's own machine; provider services reach it only when"
                + " govshare.provider-services.allowed-networks lists a range inside 127.0.0.0/8");
        assertThat(refusal(check, "2002:7f00:0001::1", SERVICE_PORT)).contains("(6to4 to 127.0.0.1)", "loopback");
        assertThat(refusal(check, "64:ff9b::a9fe:a9fe", SERVICE_PORT))
                .contains("(NAT64 to 169.254.169.254)", "link-local");
        assertThat(refusal(check, "2002:a9fe:a9fe::1", SERVICE_PORT)).contains("6to4 to 169.254.169.254");
        assertThat(refusal(check, "64:ff9b:1::7f00:1", SERVICE_PORT)).contains("NAT64 to 127.0.0.1");
        assertThat(refusal(check, "64:ff9b:1::808:808", SERVICE_PORT)).contains("local-use NAT64", "64:ff9b:1:0:0:0:0:0/48");
        assertThat(refusal(check, "2001:0:4136:e378:8000:63bf:80ff:fffe", SERVICE_PORT))
                .as("Teredo stores its client's address inverted").contains("Teredo to 127.0.0.1", "loopback");
        assertThat(refusal(check, "nat64.zz.gov", SERVICE_PORT))
                .startsWith("nat64.zz.gov resolves to 64:ff9b:0:0:0:0:a01:203 (NAT64 to 10.1.2.3), a private address");
        assertThat(refusal(check, "64:ff9b::c000:202", SERVICE_PORT)).as("the platform's own address, 192.0.2.2")
                .contains("one of the platform's own addresses");

        assertThatCode(() -> check.reachable("public64.zz.gov", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> check.reachable("teredo.zz.gov", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> check.reachable("2002:808:808::1", SERVICE_PORT)).doesNotThrowAnyException();
        assertThatCode(() -> check("10.0.0.0/8", "64:ff9b::/96").reachable("64:ff9b::a01:203", SERVICE_PORT))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameThatResolvesElsewhereLaterIsRefusedThen() throws UnknownHostException {
        Deque<String> answers = new ArrayDeque<>(List.of("10.1.2.3", "127.0.0.2"));
        PlatformEndpoints platform = new PlatformEndpoints(Set::of);
        ProviderAddressCheck check = new ProviderAddressCheck(properties("10.0.0.0/8"), platform,
                host -> new InetAddress[]{address(answers.pop())});

        assertThat(check.reachable("rebind.example", SERVICE_PORT)).containsExactly(address("10.1.2.3"));
        assertThat(refusal(check, "rebind.example", SERVICE_PORT)).startsWith("rebind.example resolves to 127.0.0.2");
    }

    @Test
    void anEntryThatIsNeitherARangeNorAHostNameStopsTheStart() {
        for (String entry : List.of("10.0.0.0/33", "10.0.0/8x", "http://10.0.0.1", "*", "a_b.example", "::1/129")) {
            assertThatThrownBy(() -> check(entry)).as(entry).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatCode(() -> check("", " 10.0.0.0/8 ", "Api.GAJ.zz.gov", "*.zz.gov", "fd00::/8", "192.0.2.1"))
                .doesNotThrowAnyException();
    }
}
