package org.govshare.provider;

import static org.govshare.support.ProviderAnswers.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.govshare.catalog.CatalogEntries;
import org.govshare.dataset.DataSlice;
import org.govshare.dataset.ItemFilter;
import org.govshare.grant.Grants;
import org.govshare.grant.NewGrant;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.rules.OptionalStep;
import org.govshare.rules.PackInForce;
import org.govshare.support.Api.Response;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Provider services on PostgreSQL and Elasticsearch: Public Security registers the service of its residents
 * resource over HTTP, refused for each broken rule and for anyone but its reviewers; the secrets are sealed in the
 * database and never shown; and the platform calls a real HTTP server standing in for the provider, which answers,
 * answers late, fails, answers garbage, or answers more items than the resource has.
 */
class ProviderServicesIT extends IntegrationTest {

    private static final String PASSWORD = "pr0vider-P@ss-秘密";
    /** Tokens travel in headers, so they are ASCII; a Basic password may be anything. */
    private static final String TOKEN = "tok-9f8a7b6c5d4e3f2a1b0c-secret";
    private static final String ID_NUMBER = "公民身份号码";
    private static final String LEAKED = "ORA-01017 connect as gaj_app/hunter2-internal";

    private static HttpServer provider;
    private static ExecutorService providerThreads;
    /** What each path of the provider last received: its query (decoded) and its headers. */
    private static final Map<String, Map<String, String>> QUERIES = new ConcurrentHashMap<>();
    private static final Map<String, Headers> HEADERS = new ConcurrentHashMap<>();
    /** Holds the slow path's answer back until the test has seen the platform give up. */
    private static volatile CountDownLatch slowReleased = new CountDownLatch(1);

    @Autowired
    private ProviderServices services;

    @BeforeAll
    static void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        providerThreads = Executors.newCachedThreadPool();
        provider.setExecutor(providerThreads);
        answer("/residents", 200, """
                [{"公民身份号码":"410105199001011234","姓名":"张三","户籍地址":"金水区花园路1号"}]""");
        answer("/paged", 200, """
                {"records":[{"公民身份号码":"410105199001011234","姓名":"张三"},{"公民身份号码":"410105199202022345","姓名":"李四"}],
                 "total":57}""");
        answer("/more-items", 200, """
                [{"公民身份号码":"410105199001011234","姓名":"张三","内部备注":"见卷宗 17","age":34,"active":true}]""");
        answer("/failing", 500, "{\"error\":\"" + LEAKED + "\"}");
        answer("/garbage", 200, "<html><body>Service temporarily moved</body></html>");
        answer("/not-records", 200, "[1, 2, 3]");
        provider.createContext("/slow", exchange -> {
            record(exchange);
            try {
                // longer than any time-out registered here; released by the test once the platform gave up
                slowReleased.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "[]");
        });
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        slowReleased.countDown();
        provider.stop(0);
        providerThreads.shutdownNow();
    }

    private static void answer(String path, int status, String body) {
        provider.createContext(path, exchange -> {
            record(exchange);
            send(exchange, status, body);
        });
    }

    private static void record(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        QUERIES.put(exchange.getHttpContext().getPath(), query);
        HEADERS.put(exchange.getHttpContext().getPath(), exchange.getRequestHeaders());
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + path;
    }

    private String residents() {
        return CatalogEntries.publish(api, "gaj.wang", CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode()));
    }

    private static String path(String code) {
        return "/api/data/" + code + "/service";
    }

    private static String registration(String url, String parameters, int timeoutMillis, String credentials) {
        return """
                {"url":"%s","parameters":%s,"timeoutMillis":%d,"credentials":%s}"""
                .formatted(url, parameters, timeoutMillis, credentials);
    }

    private static String basic() {
        return "{\"type\":\"BASIC\",\"username\":\"govshare\",\"password\":\"" + PASSWORD + "\"}";
    }

    private Response register(String login, String code, String body) {
        return api.put(login, path(code), "application/json", body);
    }

    private String registered(String path, int timeoutMillis, String credentials) {
        String code = residents();
        Response registered = register("gaj.wang", code,
                registration(url(path), "[\"" + ID_NUMBER + "\",\"姓名\"]", timeoutMillis, credentials));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return code;
    }

    /** A refusal, which never echoes the secret that was sent. */
    private void assertRefused(Response response, int status, String field, String rule) {
        assertRefusedAndAudited(response, status, field, rule);
        assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
    }

    private long registrations(String code) {
        return jdbc.queryForObject("select count(*) from provider_service where resource_code = ?", Long.class, code);
    }

    // registration

    @Autowired
    private Grants grants;

    @Autowired
    private PackInForce pack;

    @Test
    void aNewAddressForAServiceLiveGrantsRelyOnWaitsForItsHoldersUnderAPackThatAsks() {
        org.junit.jupiter.api.Assumptions.assumeTrue(pack.on(OptionalStep.RETIREMENT_CONSULTATION),
                "the pack in force has no retirement-consultation");
        String code = registered("/residents", 2000, basic());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        grants.issue(new NewGrant("civil-affairs", "public-security", code, "常住人口基本信息", List.of(ID_NUMBER), "身份核验",
                "《社会救助暂行办法》", "身份核验", List.of("mzj.liu"), List.of(), today, today.plusDays(30),
                Grants.SOURCE_REQUEST, "GX-2026-999994", List.of(), List.of()));

        assertRefused(register("gaj.wang", code, registration(url("/residents-v2"), "[\"" + ID_NUMBER + "\",\"姓名\"]", 2000,
                basic())), 409, "url", "consult-holders-first");
        Response longer = register("gaj.wang", code, registration(url("/residents"), "[\"" + ID_NUMBER + "\",\"姓名\"]", 3000,
                basic()));
        assertThat(longer.status()).as("a longer time-out changes nothing a consumer relies on").isEqualTo(200);
    }

    @Test
    void theProviderRegistersItsServiceAndItsSecretIsSealedNeverShownNorAudited() {
        String code = residents();

        Response registered = register("gaj.wang", code,
                registration(url("/residents"), "[\"" + ID_NUMBER + "\"]", 2000, basic()));

        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        for (String login : List.of("gaj.wang", "gaj.zhang", "authority.li")) {
            Response shown = api.get(login, path(code));
            assertThat(shown.status()).as(login + ": " + shown.body()).isEqualTo(200);
            assertThat(shown.body()).doesNotContain(PASSWORD);
            assertThat(shown.json().path("url").asText()).isEqualTo(url("/residents"));
            assertThat(shown.json().path("parameters").get(0).asText()).isEqualTo(ID_NUMBER);
            assertThat(shown.json().path("timeoutMillis").asInt()).isEqualTo(2000);
            assertThat(shown.json().path("credentials").path("type").asText()).isEqualTo("BASIC");
            assertThat(shown.json().path("credentials").path("username").asText()).isEqualTo("govshare");
            assertThat(shown.json().path("credentials").path("hasPassword").asBoolean()).isTrue();
            assertThat(shown.json().path("credentials").has("password")).isFalse();
        }
        assertThat(registered.body()).doesNotContain(PASSWORD);
        String stored = jdbc.queryForObject("select credential_secret from provider_service where resource_code = ?",
                String.class, code);
        assertThat(stored).startsWith("v1.").doesNotContain(PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForList("select * from provider_service where resource_code = ?", code).toString())
                .doesNotContain(PASSWORD);
        List<Map<String, Object>> events = auditEventsOf(registered.correlationId());
        assertThat(events).extracting(e -> e.get("action")).contains("PROVIDER_SERVICE_REGISTERED");
        assertThat(events.toString()).doesNotContain(PASSWORD);
        assertThat(events).filteredOn(e -> "PROVIDER_SERVICE_REGISTERED".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("details")).contains("BASIC", url("/residents")));

        assertRefused(api.get("mzj.liu", path(code)), 403, null, null);
        // /api/data/** is open to registered systems, for data; a service's registration is not data
        Response system = api.post("gaj.zhang", "/api/systems", "{\"name\":\"户籍核验接口\",\"contact\":\"信息科 0371-1234\"}");
        assertRefused(api.send(system.json().path("clientId").asText(), system.json().path("clientSecret").asText(),
                api.request(path(code)).GET(), null), 403, null, null);
    }

    @Test
    void aRegistrationThatBreaksARuleIsRefusedNamingFieldAndRuleAndNothingIsStored() {
        String code = residents();
        String items = "[\"" + ID_NUMBER + "\"]";

        assertRefused(register("gaj.wang", code, registration("ftp://files.gaj.zz.gov/residents", items, 2000, basic())),
                400, "url", "url-format");
        assertRefused(register("gaj.wang", code, registration("/residents", items, 2000, basic())),
                400, "url", "url-format");
        assertRefused(register("gaj.wang", code, registration("https://app:" + PASSWORD + "@api.gaj.zz.gov/r", items,
                2000, basic())), 400, "url", "url-format");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), "[\"婚姻状况\"]", 2000, basic())),
                400, "parameters[0]", "parameter-not-an-item");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 99, basic())),
                400, "timeoutMillis", "timeout-range");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 30_001, basic())),
                400, "timeoutMillis", "timeout-range");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 2000,
                "{\"type\":\"BASIC\",\"username\":\"govshare\"}")), 400, "credentials.password", "credentials-incomplete");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 2000,
                "{\"type\":\"BEARER\"}")), 400, "credentials.token", "credentials-incomplete");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 2000,
                "{\"type\":\"HEADER\",\"token\":\"" + PASSWORD + "\"}")), 400, "credentials.headerName", "credentials-incomplete");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 2000,
                "{\"type\":\"NONE\",\"password\":\"" + PASSWORD + "\"}")), 400, "credentials.password", "credentials-not-for-type");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 2000,
                "{\"type\":\"BEARER\",\"token\":\"" + PASSWORD + "\"}")), 400, "credentials.token", "credentials-format");
        assertRefused(register("gaj.wang", code, registration(url("/residents"), items, 2000,
                "{\"type\":\"HEADER\",\"headerName\":\"Host\",\"token\":\"" + TOKEN + "\"}")), 400,
                "credentials.headerName", "header-name-format");

        assertThat(registrations(code)).isZero();
    }

    @Test
    void anAddressOutsideTheAllowedNetworksIsRefusedAtRegistrationSayingWhichNetworkItIsIn() {
        String code = residents();
        int port = provider.getAddress().getPort();
        String items = "[\"" + ID_NUMBER + "\"]";
        // the test profile lists 127.0.0.1/32 alone: the rest of loopback, link-local and the platform stay walled off
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("http://127.0.0.2:" + port + "/residents", "127.0.0.2 is a loopback address");
        refused.put("http://[::1]:" + port + "/residents", "is the loopback address");
        refused.put("http://[::ffff:127.0.0.2]:" + port + "/residents", "127.0.0.2 is a loopback address");
        refused.put("http://2130706434:" + port + "/residents", "127.0.0.2 is a loopback address");
        refused.put("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address, where cloud"
                + " metadata services answer; provider services reach it only when"
                + " govshare.provider-services.allowed-networks lists a range inside 169.254.0.0/16");
        refused.put("http://[fe80::1]/residents", "is a link-local address");
        refused.put("http://0.0.0.0:" + port + "/residents", "0.0.0.0 is an unspecified address");
        refused.put("http://10.1.2.3/residents", "10.1.2.3 is a private address, where the platform's own neighbours"
                + " may be; provider services reach it only when govshare.provider-services.allowed-networks lists a"
                + " range inside 10.0.0.0/8");
        refused.put("http://[fd00::5]/residents", "is a unique local address");
        refused.put("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "(NAT64 to 169.254.169.254) is a link-local address");
        refused.put("http://198.51.100.7/residents", "198.51.100.7 is outside the networks provider services may reach");
        refused.put("http://127.0.0.1:" + this.port + "/api/catalog", "127.0.0.1 is the platform itself (its web server"
                + " listens on port " + this.port + ")");
        refused.put("http://localhost:" + this.port + "/api/catalog", "localhost resolves to 127.0.0.1, the platform itself");

        refused.forEach((url, sentence) -> {
            Response response = register("gaj.wang", code, registration(url, items, 2000, basic()));
            assertRefused(response, 400, "url", "address-not-allowed");
            assertThat(response.json().path("errors").get(0).path("message").asText()).as(url).contains(sentence);
        });
        assertThat(registrations(code)).isZero();
    }

    @Test
    void aServiceWhoseAddressIsNoLongerAllowedIsNotCalled() {
        String code = registered("/residents", 2000, basic());
        QUERIES.remove("/residents");
        // as a name resolving elsewhere later would; the unit tests rebind a name through their own resolver
        jdbc.update("update provider_service set url = ? where resource_code = ?",
                "http://127.0.0.2:" + provider.getAddress().getPort() + "/residents", code);

        assertThatThrownBy(() -> services.call(code, List.of(), 0, 10))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.rule()).isEqualTo("provider-address-not-allowed");
                    assertThat(e.getMessage()).doesNotContain("127.0.0.2");
                });
        assertThat(QUERIES).doesNotContainKey("/residents");
    }

    @Test
    void onlyTheProvidersReviewersRegisterAndOnlyForAPublishedProviderServiceResource() {
        String code = residents();
        String body = registration(url("/residents"), "[\"" + ID_NUMBER + "\"]", 2000, basic());

        assertRefused(register("mzj.chen", code, body), 403, null, null);
        assertRefused(register("gaj.zhang", code, body), 403, null, null);
        assertRefused(register("authority.li", code, body), 403, null, null);
        assertThat(registrations(code)).isZero();

        String hosted = CatalogEntries.publish(api, "mzj.chen", CatalogEntries.organisations(CatalogEntries.nextCode("203001", "102")));
        assertRefused(register("mzj.chen", hosted, registration(url("/residents"), "[]", 2000, basic())),
                409, "sharingMethod", "provider-service-only");
        Response unknown = register("gaj.wang", "101001/101999", body);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    }

    // calling

    @Test
    void theServiceIsCalledWithTheFiltersAsParametersPagingAndTheRegisteredCredentials() {
        String code = registered("/residents", 5000, basic());

        DataSlice slice = services.call(code, List.of(ItemFilter.equalTo(ID_NUMBER, "410105199001011234")), 2, 25);

        assertThat(slice.version()).isNull();
        assertThat(slice.asOf()).isNotNull();
        assertThat(slice.total()).isNull();
        assertThat(slice.records()).containsExactly(Map.of(ID_NUMBER, "410105199001011234", "姓名", "张三", "户籍地址", "金水区花园路1号"));
        assertThat(QUERIES.get("/residents")).containsExactly(Map.entry(ID_NUMBER, "410105199001011234"),
                Map.entry("page", "2"), Map.entry("size", "25"));
        assertThat(HEADERS.get("/residents").getFirst("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("govshare:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPageWithItsTotalComesBackAndAHeaderCredentialArrivesAsRegistered() {
        String code = registered("/paged", 5000, "{\"type\":\"HEADER\",\"headerName\":\"X-Api-Key\",\"token\":\"" + TOKEN + "\"}");

        DataSlice slice = services.call(code, List.of(), 0, 2);

        assertThat(slice.total()).isEqualTo(57);
        assertThat(slice.records()).extracting(r -> r.get("姓名")).containsExactly("张三", "李四");
        assertThat(HEADERS.get("/paged").getFirst("X-Api-Key")).isEqualTo(TOKEN);
        assertThat(HEADERS.get("/paged").containsKey("Authorization")).isFalse();
        assertThat(QUERIES.get("/paged")).containsExactly(Map.entry("page", "0"), Map.entry("size", "2"));
    }

    @Test
    void itemsOutsideTheResourcePassThroughForTheAccessLayerToDrop() {
        String code = registered("/more-items", 5000, "{\"type\":\"BEARER\",\"token\":\"" + TOKEN + "\"}");

        DataSlice slice = services.call(code, List.of(ItemFilter.equalTo("姓名", "张三")), 0, 10);

        assertThat(slice.records()).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("内部备注", "见卷宗 17").containsEntry("age", 34).containsEntry("active", true)
                .containsEntry(ID_NUMBER, "410105199001011234"));
        assertThat(HEADERS.get("/more-items").getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aFilterOnAnItemTheServiceDoesNotTakeIsRefusedBeforeAnyCall() {
        String code = registered("/residents", 5000, basic());

        assertThatThrownBy(() -> services.call(code, List.of(ItemFilter.equalTo("户籍地址", "花园路")), 0, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("户籍地址");
                            assertThat(error.rule()).isEqualTo("not-a-service-parameter");
                        }));
        assertThatThrownBy(() -> services.call(code, List.of(ItemFilter.between("姓名", "A", "Z")), 0, 10))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("exact-value-only"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsATimeOut() {
        String code = registered("/slow", 200, "{\"type\":\"NONE\"}");
        try {
            assertThatThrownBy(() -> services.call(code, List.of(), 0, 10))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                        assertThat(e.timedOut()).isTrue();
                        assertThat(e.getMessage()).isEqualTo("the provider's service did not answer within 200 ms");
                    });
        } finally {
            slowReleased.countDown();
        }
    }

    @Test
    void aServiceThatFailsIsAFailureInThePlatformsOwnWordsNotTheProviders() {
        String code = registered("/failing", 5000, basic());

        assertThatThrownBy(() -> services.call(code, List.of(), 0, 10))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("the provider's service answered with an error (HTTP 500)");
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2").doesNotContain("ORA-");
                    }
                });
    }

    @Test
    void aServiceThatAnswersSomethingOtherThanRecordsFails() {
        for (String path : List.of("/garbage", "/not-records")) {
            String code = registered(path, 5000, "{\"type\":\"NONE\"}");

            assertThatThrownBy(() -> services.call(code, List.of(), 0, 10)).as(path)
                    .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                        assertThat(e.timedOut()).isFalse();
                        assertThat(e.getMessage()).startsWith("the provider's service answered something other than records")
                                .doesNotContain("html").doesNotContain("moved");
                        assertThat(e.getCause()).isNull();
                    });
        }
    }

    @Test
    void aServiceThatCannotBeReachedFails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String code = residents();
        Response registered = register("gaj.wang", code, registration("http://127.0.0.1:" + closedPort + "/residents",
                "[]", 2000, "{\"type\":\"NONE\"}"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        assertThatThrownBy(() -> services.call(code, List.of(), 0, 10))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("the provider's service could not be reached, or broke off its answer");
                });
    }
}
