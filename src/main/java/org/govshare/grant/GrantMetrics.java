package org.govshare.grant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many grants are in force, from the database, so that every node reports the same figure. */
@Component
class GrantMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    GrantMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("govshare.grants.active", jdbc,
                        j -> j.queryForObject("select count(*) from sharing_grant where status = 'ACTIVE'", Long.class))
                .description("grants in force today").register(registry);
    }
}
