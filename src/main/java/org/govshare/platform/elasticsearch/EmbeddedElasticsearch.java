package org.govshare.platform.elasticsearch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts a local Elasticsearch node for the zero-setup run, when no cluster is configured.
 *
 * <p>The node starts in the background so that the platform is usable at once; until it answers, audit events
 * wait in the database and the indexer retries (the same path as an outage in production).
 */
@Component
class EmbeddedElasticsearch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private final ElasticsearchProperties properties;
    private final ElasticsearchNode node;
    private volatile boolean running;

    EmbeddedElasticsearch(ElasticsearchProperties properties) {
        this.properties = properties;
        var embedded = properties.embedded();
        this.node = embedded.home() == null ? null
                : new ElasticsearchNode(embedded.home(), embedded.workDir(), embedded.httpPort(), embedded.heap());
    }

    @Override
    public void start() {
        running = true;
        if (!properties.startsEmbeddedNode() || node == null) {
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                node.start();
            } catch (RuntimeException e) {
                log.error("The local Elasticsearch node did not start; the audit trail stays in the database until"
                        + " one is reachable. {}", e.getMessage());
            }
        }, "elasticsearch-node-starter");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void stop() {
        if (node != null) {
            node.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before the audit indexer, stop after it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
