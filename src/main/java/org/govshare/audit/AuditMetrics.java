package org.govshare.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * How far the trail's chaining and indexing are behind, read from the database at each scrape, so that every node
 * reports the same figures whichever node did the work (docs/operations.md).
 */
@Component
class AuditMetrics implements MeterBinder {

    private final AuditEventStore store;

    AuditMetrics(AuditEventStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("govshare.audit.unchained.events", store, AuditEventStore::unchained)
                .description("events stored but not yet linked into the hash chain").register(registry);
        Gauge.builder("govshare.audit.unindexed.events", store, s -> s.head().seq() - s.indexedUpTo() + s.unchained())
                .description("events stored but not yet in Elasticsearch").register(registry);
        Gauge.builder("govshare.audit.indexing.lag", store, AuditEventStore::indexingLagSeconds).baseUnit("seconds")
                .description("age of the oldest event not yet in Elasticsearch; 0 when it has caught up")
                .register(registry);
    }
}
