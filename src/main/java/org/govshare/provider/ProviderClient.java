package org.govshare.provider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govshare.dataset.DataSlice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform's HTTP client for providers' services: one JDK {@link HttpClient}, one GET per call, the registered
 * time-out over the whole exchange. Whatever goes wrong is told in the platform's own words: the provider's error
 * text, which may carry its internals, never reaches the consumer, the audit trail or an exception's message.
 */
@Component
class ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(ProviderClient.class);

    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxAnswerBytes;

    ProviderClient(ObjectMapper json, Clock clock, ProviderServicesProperties properties) {
        // the request's own time-out bounds connecting too; the client's is only a backstop at the longest allowed
        this.http = HttpClient.newBuilder().connectTimeout(properties.maxTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.clock = clock;
        this.maxAnswerBytes = properties.maxAnswerSize().toBytes();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).GET().timeout(call.timeout())
                .header("Accept", "application/json");
        if (call.headerName() != null) {
            try {
                request.header(call.headerName(), call.headerValue());
            } catch (IllegalArgumentException e) {
                // the JDK's complaint quotes the header's value, the secret: it goes no further than here
                throw new ProviderUnavailableException("the registered credentials of the provider's service cannot be"
                        + " sent in an HTTP header; the provider registers them again", false, null);
            }
        }
        long millis = call.timeout().toMillis();
        var answer = http.sendAsync(request.build(), info -> limited(maxAnswerBytes));
        HttpResponse<byte[]> response;
        try {
            // the request's time-out ends at the answer's headers; this bounds reading the body as well
            response = answer.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut(millis, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("the call to the provider's service was interrupted", false, null);
        } catch (ExecutionException e) {
            if (causedBy(e, HttpTimeoutException.class)) {
                throw timedOut(millis, e.getCause());
            }
            if (causedBy(e, AnswerTooLarge.class)) {
                throw failed("answered more than " + maxAnswerBytes + " bytes, more than the platform reads", call, null);
            }
            // not kept as the cause: a malformed answer's bytes can appear in the JDK's complaint (a bad status line)
            throw failed("could not be reached, or broke off its answer", call, e.getCause());
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw failed("answered with an error (HTTP " + response.statusCode() + ")", call, null);
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
        String service = call.uri().getScheme() + "://" + call.uri().getRawAuthority() + call.uri().getRawPath();
        log.warn("Provider service {} {}{}", service, what, reason == null ? "" : " (" + reason + ")");
        return new ProviderUnavailableException("the provider's service " + what, false, null);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Reads at most {@code max} bytes of an answer; beyond that the exchange is abandoned. */
    private static HttpResponse.BodySubscriber<byte[]> limited(long max) {
        HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        return new HttpResponse.BodySubscriber<>() {
            private Flow.Subscription subscription;
            private long read;
            private boolean abandoned;

            @Override
            public CompletionStage<byte[]> getBody() {
                return bytes.getBody();
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                bytes.onSubscribe(s);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                if (abandoned) {
                    return;
                }
                read += items.stream().mapToLong(ByteBuffer::remaining).sum();
                if (read > max) {
                    abandoned = true;
                    subscription.cancel();
                    bytes.onError(new AnswerTooLarge());
                    return;
                }
                bytes.onNext(items);
            }

            @Override
            public void onError(Throwable e) {
                if (!abandoned) {
                    bytes.onError(e);
                }
            }

            @Override
            public void onComplete() {
                if (!abandoned) {
                    bytes.onComplete();
                }
            }
        };
    }

    private static final class AnswerTooLarge extends IOException {
        AnswerTooLarge() {
            super("the answer is larger than govshare.provider-services.max-answer-size");
        }
    }
}
