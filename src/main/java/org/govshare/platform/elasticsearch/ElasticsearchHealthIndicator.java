package org.govshare.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Elasticsearch in {@code /actuator/health}. When it does not answer, the component is UNAVAILABLE and the
 * platform as a whole DEGRADED (still HTTP 200): officials keep working and audit events wait in the database.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator implements HealthIndicator {

    /** Elasticsearch does not answer. */
    static final Status UNAVAILABLE = new Status("UNAVAILABLE", "Elasticsearch does not answer; search is unavailable");
    /** The platform works, but without search (see {@link DegradedWhenSearchIsDown}). */
    static final Status DEGRADED = new Status("DEGRADED", "working without Elasticsearch");

    private final ElasticsearchClient elasticsearch;

    ElasticsearchHealthIndicator(ElasticsearchClient elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    @Override
    public Health health() {
        try {
            HealthResponse health = elasticsearch.cluster().health();
            return Health.status(switch (health.status()) {
                        case Green, Yellow -> Status.UP;
                        default -> Status.DOWN;
                    }).withDetail("cluster", health.clusterName()).withDetail("status", health.status().jsonValue())
                    .withDetail("nodes", health.numberOfNodes()).build();
        } catch (Exception e) {
            return Health.status(UNAVAILABLE).withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
