package org.govshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.govshare.audit.AuditChainer;
import org.govshare.audit.AuditIndexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The platform's audit trail as a benchmark's background ({@link Alternation.Background}).
 *
 * <p>Before a block, off its clock, the machine settles: the audit events of the blocks before are chained and
 * indexed, Elasticsearch's merges of the segments that indexing wrote finish, the heap is collected, and Elasticsearch
 * is given a moment for its refresh. So a block does not pay for what the one before it left: a governed block's
 * indexing falling on the bare block after it, or the warm-up's ten thousand audit events being merged through the
 * first block timed. After a block, on its clock, its own events are chained and indexed.
 */
public final class Settle implements Alternation.Background {

    private static final long MERGES_WAITED_FOR_NANOS = 60_000_000_000L;

    private final AuditChainer chainer;
    private final AuditIndexer indexer;
    private final ElasticsearchClient elasticsearch;

    private Settle(AuditChainer chainer, AuditIndexer indexer, ElasticsearchClient elasticsearch) {
        this.chainer = chainer;
        this.indexer = indexer;
        this.elasticsearch = elasticsearch;
    }

    public static Settle auditTrail(AuditChainer chainer, AuditIndexer indexer, ElasticsearchClient elasticsearch) {
        return new Settle(chainer, indexer, elasticsearch);
    }

    @Override
    public void settle() {
        finish();
        try {
            long deadline = System.nanoTime() + MERGES_WAITED_FOR_NANOS;
            while (elasticsearch.indices().stats(s -> s.metric("merge")).all().total().merges().current() > 0
                    && System.nanoTime() < deadline) {
                pause(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.gc();
        pause(1500);
    }

    @Override
    public void finish() {
        try {
            chainer.chainPending();
            indexer.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
