package org.govshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.govshare.platform.elasticsearch.ElasticsearchNode;

/**
 * The real PostgreSQL and Elasticsearch the integration tests run against: started once per test JVM and stopped
 * when it exits, unless {@code GOVSHARE_TEST_DB_URL} / {@code GOVSHARE_TEST_ES_URL} name existing ones.
 */
public final class TestInfrastructure {

    private static final Path ES_HOME = Path.of("target/elasticsearch/elasticsearch-8.19.21");
    private static EmbeddedPostgres postgres;
    private static final Set<String> freshDatabases = new HashSet<>();
    private static ElasticsearchNode elasticsearch;

    private TestInfrastructure() {
    }

    public static synchronized String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /**
     * A database of the test server: {@code postgres} is the one the integration tests share; any other name is a
     * database of its own, made afresh on first use in this JVM (dropped first, so that on an external server a
     * test never sees what an earlier run left). The process tests and the packaged jar each take one.
     */
    public static synchronized String jdbcUrl(String database) {
        String server = serverUrl();
        if ("postgres".equals(database)) {
            return server;
        }
        if (freshDatabases.add(database)) {
            try (Connection c = DriverManager.getConnection(server, dbUser(), dbPassword());
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
                s.execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + database + " on " + server, e);
            }
        }
        return server.replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + database);
    }

    private static String serverUrl() {
        String external = System.getenv("GOVSHARE_TEST_DB_URL");
        if (external != null) {
            return external;
        }
        if (postgres == null) {
            try {
                // zonky's default, synchronous_commit off, spares the tests a disk flush per commit; the benchmarks
                // turn it on (the benchmark profile), to measure what a durable audit costs, as in production
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit",
                        System.getProperty("govshare.test.synchronous-commit", "off")).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::closePostgres, "stop-postgres"));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static String dbUser() {
        return Optional.ofNullable(System.getenv("GOVSHARE_TEST_DB_USER")).orElse("postgres");
    }

    public static String dbPassword() {
        return Optional.ofNullable(System.getenv("GOVSHARE_TEST_DB_PASSWORD")).orElse("");
    }

    public static synchronized URI elasticsearchUri() {
        String external = System.getenv("GOVSHARE_TEST_ES_URL");
        if (external != null) {
            return URI.create(external);
        }
        if (elasticsearch == null) {
            Path workDir = Path.of("target/test-elasticsearch");
            deleteRecursively(workDir);
            elasticsearch = new ElasticsearchNode(ES_HOME, workDir, ElasticsearchNode.freePort(), "512m");
            elasticsearch.start();
            Runtime.getRuntime().addShutdownHook(new Thread(elasticsearch::stop, "stop-elasticsearch"));
        }
        return elasticsearch.httpUri();
    }

    /** The node the tests started, which they may stop and start again; empty when an external one is used. */
    public static synchronized Optional<ElasticsearchNode> managedElasticsearch() {
        elasticsearchUri();
        return Optional.ofNullable(elasticsearch);
    }

    private static void closePostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /** Deletes a folder and everything in it; nothing when it is not there. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
