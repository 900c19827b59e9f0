package org.govshare.audit;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The indexer's backlog in {@code /actuator/health}. A backlog is not an outage of the platform (events are safe
 * in the database), so the indicator stays UP and reports the figures; Elasticsearch's own indicator says
 * whether the cluster answers.
 */
@Component
class AuditIndexerHealthIndicator extends AbstractHealthIndicator {

    private final AuditIndexer indexer;

    AuditIndexerHealthIndicator(AuditIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("backlog", indexer.backlog()).withDetail("indexedSinceStart", indexer.indexedTotal());
        if (indexer.lastError() != null) {
            builder.withDetail("waitingFor", indexer.lastError());
        }
    }
}
