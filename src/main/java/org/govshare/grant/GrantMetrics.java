package org.govshare.grant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** How many grants are in force, from the database, so that every node reports the same figure. */
@Component
class GrantMetrics implements MeterBinder {

    private final GrantStore store;

    GrantMetrics(GrantStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("govshare.grants.active", store, GrantStore::activeCount).description("grants in force today")
                .register(registry);
    }
}
