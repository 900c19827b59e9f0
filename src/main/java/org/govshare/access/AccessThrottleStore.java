package org.govshare.access;

import java.time.LocalDate;

import org.govshare.platform.database.CounterDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The refused reads per grant and day in {@code access_throttle}, where the violation detector looks for scraping;
 * counted on the counters' own connections, so that the count stays when the refused read rolls back.
 */
@Repository
class AccessThrottleStore {

    private final JdbcTemplate jdbc;

    AccessThrottleStore(CounterDatabase counters) {
        this.jdbc = counters.jdbc();
    }

    void countRefusal(String grantId, LocalDate day) {
        jdbc.update("""
                insert into access_throttle as t (grant_id, on_day, refused) values (?, ?, 1)
                on conflict (grant_id, on_day) do update set refused = t.refused + 1""", grantId, day);
    }
}
