package org.govshare.access;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.govshare.platform.database.CounterDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A grant's reads in its current window ({@code grant_read_window}), and the refused reads per grant and day in
 * {@code access_throttle}, where the violation detector looks for scraping; counted on the counters' own connections
 * ({@link CounterDatabase}), so that a count stays when the read rolls back, and every node counts in the same rows.
 */
@Repository
class AccessThrottleStore implements SharedReadCount {

    private final JdbcTemplate jdbc;

    AccessThrottleStore(CounterDatabase counters) {
        this.jdbc = counters.jdbc();
    }

    /**
     * A grant's reads in the window that holds {@code now}, these {@code reads} counted; a window opens at the first
     * read after the last one closed. One statement: the row is locked only while it runs, and two nodes counting at
     * once both count.
     */
    @Override
    public Window countReads(String grantId, int reads, long nowMillis, long windowMillis) {
        Timestamp closedBefore = new Timestamp(nowMillis - windowMillis);
        return jdbc.queryForObject("""
                insert into grant_read_window as w (grant_id, window_start, reads) values (?, ?, ?)
                on conflict (grant_id) do update set
                    reads = case when w.window_start > ? then w.reads + excluded.reads else excluded.reads end,
                    window_start = case when w.window_start > ? then w.window_start else excluded.window_start end
                returning reads, window_start""", (rs, row) -> new Window(rs.getInt("reads"),
                        rs.getTimestamp("window_start").getTime()), grantId, new Timestamp(nowMillis), reads,
                closedBefore, closedBefore);
    }

    @Override
    public void countRefusal(String grantId, LocalDate day) {
        jdbc.update("""
                insert into access_throttle as t (grant_id, on_day, refused) values (?, ?, 1)
                on conflict (grant_id, on_day) do update set refused = t.refused + 1""", grantId, day);
    }
}
