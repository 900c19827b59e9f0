package org.govshare.access;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The refused reads per grant and day in {@code access_throttle}, where the violation detector looks for scraping. */
@Repository
class AccessThrottleStore {

    private final JdbcTemplate jdbc;

    AccessThrottleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void countRefusal(String grantId, LocalDate day) {
        if (jdbc.update("update access_throttle set refused = refused + 1 where grant_id = ? and on_day = ?", grantId, day) == 0) {
            jdbc.update("insert into access_throttle (grant_id, on_day, refused) values (?, ?, 1)", grantId, day);
        }
    }
}
