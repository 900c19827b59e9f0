package org.govshare.anchor;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checkpoints of the audit chain: how often one is made and where it is written besides PostgreSQL.
 *
 * @param everyEvents a checkpoint is made once this many events were chained since the last one
 * @param every a checkpoint is made this long after the last one (or after the node started) if any event was
 *              chained since, whichever of the two comes first
 * @param maxEvents the most events one checkpoint covers; a longer stretch (the first start on a long trail) is
 *                  covered by several checkpoints in a row, so a Merkle tree never holds the whole trail
 * @param file the append-only JSON-lines file every checkpoint is written to, one line each, for an operator to
 *             ship elsewhere; each node writes its own, with every checkpoint whichever node made it
 * @param indexName the Elasticsearch index checkpoints are copied to
 * @param pollInterval how often the background worker looks whether a checkpoint is due
 */
@ConfigurationProperties("govshare.anchor")
public record AnchorProperties(
        @DefaultValue("1000") int everyEvents,
        @DefaultValue("10m") Duration every,
        @DefaultValue("10000") int maxEvents,
        @DefaultValue("data/audit-checkpoints.jsonl") Path file,
        @DefaultValue("govshare-audit-checkpoints") String indexName,
        @DefaultValue("5s") Duration pollInterval) {
}
