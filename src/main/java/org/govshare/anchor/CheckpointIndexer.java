package org.govshare.anchor;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Copies checkpoints to their own Elasticsearch index, a third place beside PostgreSQL and the file. Best effort: the
 * database is the record, and while Elasticsearch is away checkpoints wait there. The cursor lives in memory only, so
 * a started node sends every checkpoint once more; each is a {@code create} under its number, and Elasticsearch
 * answers 409 for those it has (checkpoints are few: one per thousand events or ten minutes).
 */
@Component
class CheckpointIndexer {

    private static final Logger log = LoggerFactory.getLogger(CheckpointIndexer.class);
    private static final int BATCH = 100;

    private final CheckpointStore store;
    private final ElasticsearchClient elasticsearch;
    private final String index;
    private long indexedUpTo;
    private boolean indexReady;
    private String lastError;

    CheckpointIndexer(CheckpointStore store, ElasticsearchClient elasticsearch, AnchorProperties properties) {
        this.store = store;
        this.elasticsearch = elasticsearch;
        this.index = properties.indexName();
    }

    /** Sends what the index lacks; a failure is logged once and tried again next time. Returns how many were sent. */
    synchronized int catchUp() {
        try {
            ensureIndex();
            int sent = 0;
            List<Checkpoint> batch;
            do {
                batch = store.after(indexedUpTo, BATCH);
                if (!batch.isEmpty()) {
                    ship(batch);
                    indexedUpTo = batch.get(batch.size() - 1).number();
                    sent += batch.size();
                }
            } while (batch.size() == BATCH);
            if (lastError != null) {
                log.info("Indexing audit checkpoints resumed");
            }
            lastError = null;
            return sent;
        } catch (IOException | ElasticsearchException | IllegalStateException e) {
            indexReady = false;
            if (lastError == null) {
                log.warn("Indexing audit checkpoints paused, they wait in the database: {}", e.getMessage());
            }
            lastError = e.getMessage();
            return 0;
        }
    }

    private void ship(List<Checkpoint> batch) throws IOException {
        List<BulkOperation> operations = batch.stream()
                .map(c -> BulkOperation.of(op -> op.create(create -> create.index(index)
                        .id(Long.toString(c.number())).document(CheckpointLine.of(c)))))
                .toList();
        BulkResponse response = elasticsearch.bulk(b -> b.operations(operations));
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                throw new IOException("Elasticsearch refused audit checkpoint " + item.id() + ": "
                        + item.error().reason());
            }
        }
    }

    private void ensureIndex() throws IOException {
        if (indexReady) {
            return;
        }
        if (!elasticsearch.indices().exists(e -> e.index(index)).value()) {
            try (InputStream mapping = new ClassPathResource("elasticsearch/audit-checkpoint-index.json")
                    .getInputStream()) {
                elasticsearch.indices().create(c -> c.index(index).withJson(mapping));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        indexReady = true;
    }
}
