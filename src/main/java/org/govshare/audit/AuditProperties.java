package org.govshare.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's hash chain and search index.
 *
 * @param indexName the Elasticsearch index the events are copied to
 * @param indexer how events are shipped to it
 * @param chainer how appended events are chained
 */
@ConfigurationProperties("govshare.audit")
public record AuditProperties(@DefaultValue("govshare-audit") String indexName, @DefaultValue Indexer indexer,
                              @DefaultValue Chainer chainer) {

    /**
     * The single writer that chains appended events.
     *
     * @param batchSize events chained in one transaction at most
     * @param pollInterval how often it looks for unchained events when nobody told it of new ones (commits tell it)
     * @param gather how long it waits, once told, for more commits to join the same chaining: one chaining transaction
     *               per batch, not one per audited call (its round trips and the head's lock are the same for one
     *               event or a thousand); the chain lags by this much more, the events are stored all the same
     */
    public record Chainer(@DefaultValue("1000") int batchSize, @DefaultValue("200ms") Duration pollInterval,
                          @DefaultValue("50ms") Duration gather) {
    }

    /**
     * The background indexer.
     *
     * @param enabled ship events at all (off only for tests that have no Elasticsearch)
     * @param batchSize events per bulk request
     * @param pollInterval how often to look for new events when idle
     * @param minBackoff the first wait after Elasticsearch failed
     * @param maxBackoff the longest wait between attempts while it stays unavailable
     */
    public record Indexer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("1s") Duration minBackoff,
            @DefaultValue("30s") Duration maxBackoff) {
    }
}
