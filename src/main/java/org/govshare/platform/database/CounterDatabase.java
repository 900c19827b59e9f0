package org.govshare.platform.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counters every node shares (a grant's reads in its window), written outside the caller's transaction on a small
 * pool of their own. Outside it, so that a counter row is locked for one statement, not for a whole read, and a
 * refused call's count stays when the call rolls back; on a pool of its own, so that a caller holding a connection
 * of the main pool never waits for a second one from the same pool (enough such callers would starve it).
 */
@Component
public class CounterDatabase implements DisposableBean {

    private static final int CONNECTIONS = 2;

    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;

    CounterDatabase(DataSource main) throws SQLException {
        HikariDataSource same = main.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(same.getJdbcUrl());
        config.setUsername(same.getUsername());
        config.setPassword(same.getPassword());
        config.setMaximumPoolSize(CONNECTIONS);
        config.setMinimumIdle(1);
        config.setPoolName("govshare-counters");
        config.setAutoCommit(true);
        this.pool = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(pool);
    }

    /** Each statement commits by itself. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
