package org.govshare.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.govshare.dataset.DataSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The client connects where the address check says and nowhere else: a name is looked up through the check for each
 * connection, so what the check passed is what the client connects to; redirects are not followed. The provider is
 * a real HTTP server on 127.0.0.1, the only address listed; the names exist only in the test's resolver.
 */
class ProviderClientTest {

    private HttpServer provider;
    private final Queue<String> hostsSeen = new ConcurrentLinkedQueue<>();
    /** What the test's DNS answers for provider.test, one answer per lookup. */
    private final Queue<String> answers = new ConcurrentLinkedQueue<>();
    private ProviderClient client;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        provider.createContext("/residents", exchange -> {
            hostsSeen.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "[{\"姓名\":\"张三\"}]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.createContext("/moved", exchange -> {
            hostsSeen.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        provider.createContext("/large", exchange -> {
            hostsSeen.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = ("[" + "{\"姓名\":\"张三\"},".repeat(1000) + "{}]").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        ProviderServicesProperties properties = new ProviderServicesProperties(Duration.ofSeconds(30),
                DataSize.ofKilobytes(8), List.of("127.0.0.1/32"));
        ProviderAddressCheck check = new ProviderAddressCheck(properties, new PlatformEndpoints(Set::of), host ->
                new InetAddress[]{InetAddress.getByName("provider.test".equals(host) ? answers.remove() : host)});
        client = new ProviderClient(new ObjectMapper(), Clock.systemUTC(), properties, check);
    }

    @AfterEach
    void stop() {
        client.close();
        provider.stop(0);
    }

    private ProviderClient.Call call(String host, String path) {
        return ProviderClient.prepare("http://" + host + ":" + provider.getAddress().getPort() + path, Map.of(),
                ServiceCredentials.NONE, 2000);
    }

    @Test
    void aNameIsConnectedToAtTheAddressTheCheckPassedAndStillSentAsTheHost() {
        answers.add("127.0.0.1");

        DataSlice slice = client.get(call("provider.test", "/residents"));

        assertThat(slice.records()).containsExactly(Map.of("姓名", "张三"));
        assertThat(hostsSeen).containsExactly("provider.test:" + provider.getAddress().getPort());
        assertThat(answers).as("looked up once, by the check").isEmpty();
    }

    @Test
    void aNameThatNowResolvesToARefusedAddressIsNotCalled() {
        answers.add("127.0.0.2");

        assertThatThrownBy(() -> client.get(call("provider.test", "/residents")))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.rule()).isEqualTo("provider-address-not-allowed");
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("127.0.0.2").doesNotContain("provider.test");
                });
        assertThat(hostsSeen).isEmpty();
    }

    @Test
    void aRefusedAddressRegisteredBeforeTheSettingIsNotCalledEither() {
        for (String host : List.of("127.0.0.2", "[::1]", "169.254.169.254")) {
            assertThatThrownBy(() -> client.get(call(host, "/residents"))).as(host)
                    .isInstanceOfSatisfying(ProviderUnavailableException.class,
                            e -> assertThat(e.rule()).isEqualTo("provider-address-not-allowed"));
        }
        assertThat(hostsSeen).isEmpty();
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        assertThatThrownBy(() -> client.get(call("127.0.0.1", "/moved")))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.rule()).isEqualTo("provider-failed");
                    assertThat(e.getMessage()).isEqualTo("the provider's service answered with an error (HTTP 302)");
                });
        assertThat(hostsSeen).hasSize(1);
    }

    @Test
    void anAnswerLargerThanTheLimitIsAFailure() {
        assertThatThrownBy(() -> client.get(call("127.0.0.1", "/large")))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("the provider's service answered more than 8192 bytes, more than the platform reads"));
    }
}
