package org.govshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.govshare.audit.AuditChainer;
import org.govshare.audit.AuditIndexer;

/**
 * Lets the machine settle before a timed section: the audit events of the sections before are chained and indexed,
 * the heap collected, and Elasticsearch given a moment for its refresh, so that each section pays for its own
 * background work only, not for what the section before it left (a governed section's indexing falling on the bare
 * section after it, say).
 */
public final class Settle {

    private Settle() {
    }

    public static void beforeSection(AuditChainer chainer, AuditIndexer indexer) {
        try {
            chainer.chainPending();
            indexer.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.gc();
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
