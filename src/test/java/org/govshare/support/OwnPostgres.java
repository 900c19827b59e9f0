package org.govshare.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of a test's own, on the platform's embedded binaries, over a data directory that outlives it:
 * stopped and started again (an outage), or started over a copy (a restore), with its {@code govshare} database.
 */
public final class OwnPostgres {

    private OwnPostgres() {
    }

    /** Starts the server over the data directory, on the given port (0: any free one), creating the database once. */
    public static EmbeddedPostgres start(Path data, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        EmbeddedPostgres server = (port == 0 ? builder : builder.setPort(port)).start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = 'govshare'").next()) {
                statement.execute("create database govshare");
            }
        } catch (SQLException e) {
            throw new IOException("could not create the govshare database", e);
        }
        return server;
    }

    public static String jdbcUrl(EmbeddedPostgres server) {
        return server.getJdbcUrl("postgres", "govshare");
    }

    /** The server's govshare database, as its superuser. */
    public static org.springframework.jdbc.core.JdbcTemplate jdbc(EmbeddedPostgres server) {
        return new org.springframework.jdbc.core.JdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(jdbcUrl(server), "postgres", ""));
    }
}
