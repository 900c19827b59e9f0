package org.govshare.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What an audit index on the test run's Elasticsearch holds, read as an operator would check it. */
public final class AuditIndex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditIndex() {
    }

    /** The ids of the events in the index on the test run's node, refreshed first; empty while it cannot be read. */
    public static Set<String> ids(String index) {
        return ids(TestInfrastructure.elasticsearchUri(), index);
    }

    /** The ids of the events in the index on the given node. */
    public static Set<String> ids(URI base, String index) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
            http.send(HttpRequest.newBuilder(base.resolve("/" + index + "/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(base.resolve("/" + index
                            + "/_search?size=10000&_source=false")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match_all\":{}}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Set<String> ids = new HashSet<>();
            JSON.readTree(found.body()).path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
            return ids;
        } catch (java.io.IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }
}
