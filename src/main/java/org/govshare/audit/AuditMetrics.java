package org.govshare.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the trail's chaining and indexing are behind, read from the database at each scrape, so that every node
 * reports the same figures whichever node did the work (docs/operations.md).
 */
@Component
class AuditMetrics implements MeterBinder {

    private final AuditEventStore store;
    private final JdbcTemplate jdbc;

    AuditMetrics(AuditEventStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("govshare.audit.unchained.events", store, AuditEventStore::unchained)
                .description("events stored but not yet linked into the hash chain").register(registry);
        Gauge.builder("govshare.audit.unindexed.events", store, s -> s.head().seq() - s.indexedUpTo() + s.unchained())
                .description("events stored but not yet in Elasticsearch").register(registry);
        Gauge.builder("govshare.audit.indexing.lag", this, AuditMetrics::indexingLagSeconds).baseUnit("seconds")
                .description("age of the oldest event not yet in Elasticsearch; 0 when it has caught up")
                .register(registry);
    }

    private double indexingLagSeconds() {
        // two index-backed lookups (the unchained events' partial index, the chain's sequence) rather than one scan
        Double lag = jdbc.queryForObject("select coalesce(extract(epoch from now() - least("
                + "(select min(occurred_at) from audit_event where seq is null),"
                + " (select occurred_at from audit_event where seq > (select last_indexed_seq from audit_index_cursor"
                + " where id = 1) order by seq limit 1))), 0)", Double.class);
        return lag == null ? 0 : Math.max(0, lag);
    }
}
