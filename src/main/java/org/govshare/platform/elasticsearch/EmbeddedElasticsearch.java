package org.govshare.platform.elasticsearch;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts a local Elasticsearch node for the zero-setup run, when no cluster is configured, and keeps it up: a
 * supervisor notices within a second when the node dies, logs it, and starts it again, waiting 1 s before the first
 * attempt and doubling the wait up to a minute while the node keeps dying young; the health page shows the node's
 * state and restarts ({@code elasticsearchNode}).
 *
 * <p>The node starts in the background so that the platform is usable at once; until it answers, audit events
 * wait in the database and the indexer retries (the same path as an outage in production).
 */
@Component("elasticsearchNodeHealthIndicator")
class EmbeddedElasticsearch implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    /** A node that stayed up this long died of something new: the next restart waits the first wait again. */
    private static final Duration STAYED_UP = Duration.ofMinutes(1);

    private final ElasticsearchProperties properties;
    private final ElasticsearchNode node;
    private volatile boolean running;
    private volatile String state = "not started";
    private volatile int restarts;
    private volatile Integer lastExitCode;
    private volatile Instant nextAttempt;

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
        Thread supervisor = new Thread(this::supervise, "elasticsearch-node-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void supervise() {
        Duration wait = FIRST_WAIT;
        Instant upSince = null;
        boolean first = true;
        while (running) {
            if (!node.isRunning()) {
                if (!first) {
                    lastExitCode = node.exitCode();
                    boolean diedYoung = upSince != null && Duration.between(upSince, Instant.now()).compareTo(STAYED_UP) < 0;
                    wait = upSince == null || diedYoung ? wait : FIRST_WAIT;
                    state = "restarting";
                    nextAttempt = Instant.now().plus(wait);
                    log.warn("The local Elasticsearch node is down (exit code {}); starting it again in {} s (restart {})."
                            + " Audit events wait in the database meanwhile", lastExitCode, wait.toSeconds(), restarts + 1);
                    if (!pause(wait)) {
                        return;
                    }
                }
                try {
                    state = "starting";
                    node.start();
                    if (!first) {
                        restarts++;
                        log.info("The local Elasticsearch node is up again (restart {})", restarts);
                    }
                    state = "running";
                    upSince = Instant.now();
                    nextAttempt = null;
                } catch (RuntimeException e) {
                    log.error("The local Elasticsearch node did not start; the audit trail stays in the database until"
                            + " one is reachable. {}", e.getMessage());
                    upSince = null;
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                }
                first = false;
            }
            if (!pause(Duration.ofSeconds(1))) {
                return;
            }
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The local node as the supervisor sees it; with a configured cluster, only that no local node is run. */
    @Override
    public Health health() {
        if (!properties.startsEmbeddedNode() || node == null) {
            return Health.up().withDetail("local", "none: a configured cluster").build();
        }
        Health.Builder health = "running".equals(state) ? Health.up() : Health.status(ElasticsearchHealthIndicator.UNAVAILABLE);
        health.withDetail("state", state).withDetail("restarts", restarts);
        if (lastExitCode != null) {
            health.withDetail("lastExitCode", lastExitCode);
        }
        if (nextAttempt != null) {
            health.withDetail("nextAttempt", nextAttempt.toString());
        }
        return health.build();
    }

    /** Restarts so far, for tests and the health page. */
    int restarts() {
        return restarts;
    }

    /** The node run here, for tests that kill it. */
    ElasticsearchNode node() {
        return node;
    }

    @Override
    public void stop() {
        running = false;
        if (node != null) {
            node.stop();
        }
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
