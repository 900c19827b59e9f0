package org.govshare.audit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.govshare.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Copies audit events from PostgreSQL to Elasticsearch in bulk, in chain order.
 *
 * <p>The database is the record; the index is for searching. A cursor (the last sequence number indexed) moves
 * only after Elasticsearch confirmed a whole batch. Each event is sent as a {@code create} with its id as the
 * document id, so a batch sent again after a failure never makes a second copy: Elasticsearch answers 409 for
 * the events it already has. While Elasticsearch is unavailable the platform keeps working; the indexer waits
 * with exponential backoff and catches up when it returns.
 */
@Component
public class AuditIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditIndexer.class);

    private final AuditEventStore store;
    private final ElasticsearchClient elasticsearch;
    private final AuditProperties properties;
    private final AtomicLong indexedTotal = new AtomicLong();
    private final BackgroundWorker worker = new BackgroundWorker("audit-indexer", this::run);
    private volatile boolean indexReady;
    private volatile String lastError;

    AuditIndexer(AuditEventStore store, ElasticsearchClient elasticsearch, AuditProperties properties) {
        this.store = store;
        this.elasticsearch = elasticsearch;
        this.properties = properties;
    }

    /** How many stored events are not yet in the index (those still to be chained included). */
    public long backlog() {
        return store.head().seq() - store.indexedUpTo() + store.unchained();
    }

    /** Events indexed by this node since it started. */
    public long indexedTotal() {
        return indexedTotal.get();
    }

    /** The last failure, while the indexer is backing off; null when healthy. */
    public String lastError() {
        return lastError;
    }

    /**
     * Indexes what is waiting, batch by batch, until nothing is left; returns the number of events indexed.
     * The background worker calls it; tests and the benchmark may too.
     */
    public synchronized long drain() throws IOException {
        ensureIndex();
        long done = 0;
        while (true) {
            List<AuditEvent> batch = store.after(store.indexedUpTo(), properties.indexer().batchSize());
            if (batch.isEmpty()) {
                return done;
            }
            ship(batch);
            store.markIndexedUpTo(batch.get(batch.size() - 1).seq());
            done += batch.size();
            indexedTotal.addAndGet(batch.size());
        }
    }

    private void ship(List<AuditEvent> batch) throws IOException {
        String index = properties.indexName();
        List<BulkOperation> operations = batch.stream()
                .map(event -> BulkOperation.of(op -> op.create(c -> c.index(index).id(event.id())
                        .document(AuditDocument.of(event)))))
                .toList();
        BulkResponse response = elasticsearch.bulk(b -> b.operations(operations));
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                boolean alreadyIndexed = item.status() == 409;
                if (item.error() != null && !alreadyIndexed) {
                    throw new IOException("Elasticsearch refused audit event " + item.id() + ": " + item.error().reason());
                }
            }
        }
    }

    private void ensureIndex() throws IOException {
        if (indexReady) {
            return;
        }
        String index = properties.indexName();
        if (!elasticsearch.indices().exists(e -> e.index(index)).value()) {
            try (InputStream mapping = new ClassPathResource("elasticsearch/audit-index.json").getInputStream()) {
                elasticsearch.indices().create(c -> c.index(index).withJson(mapping));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
            log.info("Created the audit index '{}'", index);
        }
        indexReady = true;
    }

    private void run() {
        Duration backoff = properties.indexer().minBackoff();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                drain();
                if (lastError != null) {
                    log.info("Audit indexing resumed; backlog {}", backlog());
                }
                lastError = null;
                backoff = properties.indexer().minBackoff();
                BackgroundWorker.pause(properties.indexer().pollInterval());
            } catch (Exception e) {
                indexReady = false;
                if (lastError == null) {
                    log.warn("Audit indexing paused, events wait in the database: {}", e.getMessage());
                }
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                BackgroundWorker.pause(backoff);
                backoff = min(backoff.multipliedBy(2), properties.indexer().maxBackoff());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        if (properties.indexer().enabled()) {
            worker.start();
        }
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }
}
