package org.govshare.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's search index.
 *
 * @param indexName the Elasticsearch index the events are copied to
 * @param indexer how events are shipped to it
 */
@ConfigurationProperties("govshare.audit")
public record AuditProperties(@DefaultValue("govshare-audit") String indexName, @DefaultValue Indexer indexer) {

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
