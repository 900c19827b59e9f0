package org.govshare.platform.elasticsearch;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The overall health: DOWN when something the platform cannot work without is down (database, engine), DEGRADED
 * when only Elasticsearch is unavailable, so that a load balancer keeps a working platform in service.
 */
@Configuration(proxyBeanMethods = false)
class DegradedWhenSearchIsDown {

    @Bean
    StatusAggregator healthStatusAggregator() {
        StatusAggregator standard = new SimpleStatusAggregator();
        return statuses -> {
            Set<Status> essential = statuses.stream()
                    .filter(s -> !s.equals(ElasticsearchHealthIndicator.UNAVAILABLE)).collect(Collectors.toSet());
            Status overall = standard.getAggregateStatus(essential);
            return overall.equals(Status.UP) && essential.size() < statuses.size()
                    ? ElasticsearchHealthIndicator.DEGRADED : overall;
        };
    }
}
