package org.govshare.platform.elasticsearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform's Elasticsearch is.
 *
 * @param uris the nodes to talk to; when empty and {@code embedded.enabled}, a local node is started
 * @param username basic-auth user for a secured cluster (production); empty for none
 * @param password basic-auth password for a secured cluster
 * @param connectTimeout how long to wait for a connection before treating the cluster as unavailable
 * @param socketTimeout how long to wait for an answer
 * @param embedded the local node started for a zero-setup run
 */
@ConfigurationProperties("govshare.elasticsearch")
public record ElasticsearchProperties(
        @DefaultValue List<URI> uris,
        String username,
        String password,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration socketTimeout,
        @DefaultValue Embedded embedded) {

    /**
     * A local Elasticsearch node started from the distribution the build unpacks (Maven Central).
     *
     * @param enabled start the node when no {@code uris} are given
     * @param home the unpacked distribution (read only)
     * @param workDir where the node keeps its configuration, data and logs
     * @param httpPort the loopback port the node listens on
     * @param heap the node's JVM heap, e.g. 512m
     */
    public record Embedded(
            @DefaultValue("false") boolean enabled,
            Path home,
            @DefaultValue("data/elasticsearch") Path workDir,
            @DefaultValue("9200") int httpPort,
            @DefaultValue("512m") String heap) {
    }

    /** The nodes to use: the configured ones, or the embedded node on loopback. */
    public List<URI> effectiveUris() {
        if (!uris.isEmpty()) {
            return uris;
        }
        return List.of(URI.create("http://127.0.0.1:" + embedded.httpPort()));
    }

    public boolean startsEmbeddedNode() {
        return uris.isEmpty() && embedded.enabled();
    }
}
