package org.govshare.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.govshare.dataset.DataSlice;
import org.govshare.platform.web.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform's HTTP client for providers' services: one client, one GET per call, the registered time-out over the
 * whole exchange. Whatever goes wrong is told in the platform's own words: the provider's error text, which may carry
 * its internals, never reaches the consumer, the audit trail or an exception's message.
 * <p>
 * The client connects only to addresses {@link ProviderAddressCheck} has passed: it resolves each service's host
 * through that check, for every new connection, so a name that resolves elsewhere later (DNS rebinding) is caught
 * on the address actually connected to. TLS still speaks to the name: SNI and the certificate check use it. That
 * hook is why this is Apache HttpClient 5 and not the JDK's {@code HttpClient}, which on Java 17 resolves names
 * itself with no way to see or choose the address (pinning the IP in the URI would need the restricted
 * {@code Host} header opened JVM-wide and would send the IP as the TLS name).
 */
@Component
class ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(ProviderClient.class);
    /** Concurrent calls to one service before further ones queue (within their time-out). */
    private static final int CONNECTIONS_PER_SERVICE = 50;
    private static final int CONNECTIONS = 500;

    private final CloseableHttpAsyncClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxAnswerBytes;

    ProviderClient(ObjectMapper json, Clock clock, ProviderServicesProperties properties, ProviderAddressCheck addresses) {
        // the request's own time-out bounds connecting too; the client's is only a backstop at the longest allowed
        Timeout backstop = Timeout.of(properties.maxTimeout());
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(addresses))
                        .setTlsStrategy(DefaultClientTlsStrategy.createSystemDefault())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(backstop)
                                .setSocketTimeout(backstop).build())
                        .setMaxConnPerRoute(CONNECTIONS_PER_SERVICE).setMaxConnTotal(CONNECTIONS)
                        .build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .build();
        http.start();
        this.json = json;
        this.clock = clock;
        this.maxAnswerBytes = properties.maxAnswerSize().toBytes();
    }

    @PreDestroy
    void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    /** Host names looked up through the address check: the client connects to what it returns and nothing else. */
    private record CheckedResolver(ProviderAddressCheck addresses) implements DnsResolver {

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return addresses.reachable(host, port).stream().map(address -> new InetSocketAddress(address, port)).toList();
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return addresses.reachable(host, -1).toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            // only asked for Kerberos/SPNEGO, which the platform does not speak; never look a name up behind the check
            return host;
        }
    }

    /** An exchange ready to send: the full address, the credential header (if any), the time-out. */
    record Call(URI uri, String headerName, String headerValue, Duration timeout) {

        @Override
        public String toString() {
            return "Call[" + uri + ", " + (headerName == null ? "no credentials" : headerName + ": hidden") + ", " + timeout + "]";
        }
    }

    static Call prepare(String url, Map<String, String> query, ServiceCredentials credentials, int timeoutMillis) {
        StringBuilder address = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
        query.forEach((name, value) -> address.append(encode(name)).append('=').append(encode(value)).append('&'));
        address.setLength(address.length() - 1);
        String[] header = switch (credentials.type()) {
            case NONE -> null;
            case BASIC -> new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8))};
            case BEARER -> new String[]{"Authorization", "Bearer " + credentials.token()};
            case HEADER -> new String[]{credentials.headerName(), credentials.token()};
        };
        return new Call(URI.create(address.toString()), header == null ? null : header[0], header == null ? null : header[1],
                Duration.ofMillis(timeoutMillis));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    DataSlice get(Call call) {
        SimpleRequestBuilder request = SimpleRequestBuilder.get(call.uri()).setHeader("Accept", "application/json")
                .setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(call.timeout())).build());
        if (call.headerName() != null) {
            if (!call.headerValue().chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
                // a complaint about the value would quote it, the secret: say it in the platform's words only
                throw new ProviderUnavailableException("the registered credentials of the provider's service cannot be"
                        + " sent in an HTTP header; the provider registers them again", false, null);
            }
            request.setHeader(call.headerName(), call.headerValue());
        }
        SimpleHttpRequest built = request.build();
        long millis = call.timeout().toMillis();
        Future<Answer> answer = http.execute(SimpleRequestProducer.create(built), new BoundedAnswer(maxAnswerBytes), null);
        Answer response;
        try {
            // the request's time-out ends at the answer's headers; this bounds connecting and reading the body as well
            response = answer.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut(millis, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("the call to the provider's service was interrupted", false, null);
        } catch (ExecutionException e) {
            AddressNotAllowedException refused = Causes.find(e, AddressNotAllowedException.class);
            if (refused != null) {
                throw addressNotAllowed(call, refused);
            }
            if (Causes.find(e, InterruptedIOException.class) != null) {
                throw timedOut(millis, e.getCause());
            }
            if (Causes.find(e, AnswerTooLarge.class) != null) {
                throw failed("answered more than " + maxAnswerBytes + " bytes, more than the platform reads", call, null);
            }
            // not kept as the cause: a malformed answer's bytes can appear in the client's complaint (a bad status line)
            throw failed("could not be reached, or broke off its answer", call, e.getCause());
        }
        if (response.status() < 200 || response.status() > 299) {
            throw failed("answered with an error (HTTP " + response.status() + ")", call, null);
        }
        return slice(response.body(), call);
    }

    /**
     * The records of an answer: a JSON array of objects, or {@code {"records": [...], "total": n}}; each value a
     * string, number, boolean or null. The parser's complaint is not kept: it quotes the answer.
     */
    private DataSlice slice(byte[] body, Call call) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException unreadable) {
            throw unreadable(call);
        }
        JsonNode records = root != null && root.isObject() ? root.get("records") : root;
        JsonNode total = root != null && root.isObject() ? root.get("total") : null;
        if (records == null || !records.isArray()
                || (total != null && !total.isNull() && !(total.canConvertToLong() && total.isIntegralNumber() && total.asLong() >= 0))) {
            throw unreadable(call);
        }
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            if (!record.isObject()) {
                throw unreadable(call);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) record::fields) {
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    throw unreadable(call);
                }
                values.put(field.getKey(), value.isNull() ? null : value.isNumber() ? value.numberValue()
                        : value.isBoolean() ? value.booleanValue() : value.asText());
            }
            out.add(values);
        }
        return new DataSlice(null, clock.instant(), total == null || total.isNull() ? null : total.asLong(), out);
    }

    private static ProviderUnavailableException timedOut(long millis, Throwable cause) {
        return new ProviderUnavailableException("the provider's service did not answer within " + millis + " ms", true, cause);
    }

    private static ProviderUnavailableException unreadable(Call call) {
        return failed("answered something other than records (a JSON array of objects, or {\"records\": [...],"
                + " \"total\": n} with single values)", call, null);
    }

    /**
     * A failed call. Operators find the service (without its query: the consumer's filters may be personal data) and
     * the JDK's reason in the log; the exception carries neither the reason nor a cause.
     */
    private static ProviderUnavailableException failed(String what, Call call, Throwable reason) {
        log.warn("Provider service {} {}{}", service(call), what, reason == null ? "" : " (" + reason + ")");
        return new ProviderUnavailableException("the provider's service " + what, false, null);
    }

    /**
     * A service whose address the platform may not call. The consumer learns that much and no address (a service's
     * address is the provider's business); operators find the address and the reason in the log.
     */
    private static ProviderUnavailableException addressNotAllowed(Call call, AddressNotAllowedException reason) {
        log.warn("Provider service {} is not called: {}", service(call), reason.getMessage());
        return ProviderUnavailableException.addressNotAllowed("the provider's service is registered at an address outside"
                + " the networks the platform may call; the provider registers it again at an allowed address");
    }

    private static String service(Call call) {
        return call.uri().getScheme() + "://" + call.uri().getRawAuthority() + call.uri().getRawPath();
    }


    /** An answer's status and body. */
    private record Answer(int status, byte[] body) {
    }

    /** Reads at most {@code max} bytes of an answer; beyond that the exchange is abandoned. */
    private static final class BoundedAnswer extends AbstractBinResponseConsumer<Answer> {

        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int status;

        BoundedAnswer(long max) {
            this.max = max;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            status = response.getCode();
        }

        @Override
        protected int capacityIncrement() {
            return 64 * 1024;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            if ((long) bytes.size() + src.remaining() > max) {
                throw new AnswerTooLarge();
            }
            byte[] chunk = new byte[src.remaining()];
            src.get(chunk);
            bytes.write(chunk);
        }

        @Override
        protected Answer buildResult() {
            return new Answer(status, bytes.toByteArray());
        }

        @Override
        public void releaseResources() {
            // the bytes are the result; nothing else is held
        }
    }

    private static final class AnswerTooLarge extends IOException {
        AnswerTooLarge() {
            super("the answer is larger than govshare.provider-services.max-answer-size");
        }
    }
}
