package org.govshare.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.govshare.platform.elasticsearch.ElasticsearchNode;

/**
 * One node of the platform as an operator runs it: the packaged jar, {@code java -jar} in the production profile,
 * configured by environment variables only, as a child process on the test run's PostgreSQL and Elasticsearch.
 * Nodes of one {@link Cluster} share a database, the secrets key, the seal key store and the search indices, and
 * carry the demo officials so that tests can act as them. A node can be killed as a machine dies (SIGKILL) and started
 * again on the same port.
 */
public final class PlatformNode implements AutoCloseable {

    private final String name;
    private final Cluster cluster;
    private final int port;
    private final Path log;
    private final Map<String, String> settings;
    private Process process;

    private PlatformNode(String name, Cluster cluster, Map<String, String> settings) throws IOException {
        this.name = name;
        this.cluster = cluster;
        this.port = ElasticsearchNode.freePort();
        this.log = cluster.folder.resolve(name + ".log");
        this.settings = settings;
    }

    /** The settings nodes share: one database, one set of keys, one set of indices. */
    public static final class Cluster {

        private final String database;
        private final String jdbcUrl;
        private final String user;
        private final String password;
        private final Path folder;
        private final Map<String, String> settings = new HashMap<>();
        private List<String> jvmOptions = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

        /**
         * @param database the test server's database the nodes share, fresh for this cluster; also the prefix of
         *                 the cluster's search indices
         * @param settings more environment for every node (e.g. {@code GOVSHARE_ACCESS_RATE_LIMIT})
         */
        public Cluster(String database, Map<String, String> settings) throws IOException {
            this(database, TestInfrastructure.jdbcUrl(database), TestInfrastructure.dbUser(),
                    TestInfrastructure.dbPassword(), settings);
        }

        /** A cluster on a database of its own elsewhere. */
        public Cluster(String name, String jdbcUrl, String user, String password, Map<String, String> settings)
                throws IOException {
            // the cluster, kill and recovery tests prove the platform's infrastructure, which no rule pack changes:
            // they run in the default pack's pass, not again in every other
            org.junit.jupiter.api.Assumptions.assumeTrue(Packs.IN_FORCE.equals(Packs.ZHENGZHOU),
                    "nodes of the packaged jar run under the default rule pack only");
            this.database = name;
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            this.folder = Files.createTempDirectory("govshare-" + name);
            this.settings.putAll(settings);
            this.settings.put("GOVSHARE_SECRETS_KEY", Base64.getEncoder().encodeToString(new byte[32]));
            this.settings.put("GOVSHARE_SEALS_KEYSTORE", folder.resolve("seals.p12").toString());
            this.settings.put("GOVSHARE_SEALS_KEYSTORE_PASSWORD", "a-long-keystore-password");
        }

        /** The shared database's JDBC URL. */
        public String jdbcUrl() {
            return jdbcUrl;
        }

        /** The shared database, for a test to look at what the nodes stored. */
        public org.springframework.jdbc.core.JdbcTemplate jdbc() {
            return new org.springframework.jdbc.core.JdbcTemplate(
                    new org.springframework.jdbc.datasource.DriverManagerDataSource(jdbcUrl, user, password));
        }

        /** The seal key store the nodes share, which a backup keeps with the database (docs/operations.md). */
        public Path keyStore() {
            return Path.of(settings.get("GOVSHARE_SEALS_KEYSTORE"));
        }

        /** The name of the cluster's audit index. */
        public String auditIndex() {
            return database + "-audit";
        }

        /**
         * Nodes run as a production node does: the JVM's whole JIT and a heap of 1 GiB. The tests' nodes start with
         * the quick compiler only, which starts them sooner and runs them at a fraction of their speed: right for a
         * test of what they do, wrong for a benchmark of how fast.
         */
        public Cluster asInProduction() {
            jvmOptions = List.of("-Xmx1g");
            return this;
        }

        /** A node of this cluster, not yet started; its name shows in the engine's job log (hostname). */
        public PlatformNode node(String name) throws IOException {
            return new PlatformNode(name, this, Map.of());
        }
    }

    public PlatformNode start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(cluster.jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.putAll(Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "SERVER_PORT", String.valueOf(port),
                "GOVSHARE_DB_URL", cluster.jdbcUrl(),
                "GOVSHARE_DB_USER", cluster.user,
                "GOVSHARE_DB_PASSWORD", cluster.password,
                "GOVSHARE_ELASTICSEARCH_URIS", TestInfrastructure.elasticsearchUri().toString(),
                "GOVSHARE_ADMIN_USER", "operator",
                "GOVSHARE_ADMIN_PASSWORD", "a-long-operator-secret"));
        environment.putAll(Map.of(
                "GOVSHARE_DEMO_ENABLED", "true",
                "GOVSHARE_DEMO_PASSWORD", "demo",
                "GOVSHARE_AUDIT_INDEX_NAME", cluster.database + "-audit",
                "GOVSHARE_ANCHOR_INDEXNAME", cluster.database + "-audit-checkpoints",
                "GOVSHARE_ANCHOR_FILE", cluster.folder.resolve(name + "-checkpoints.jsonl").toString(),
                // the engine's name for this node in its job log (ACT_HI_JOB_LOG.HOSTNAME_)
                "SPRING_APPLICATION_JSON", "{\"camunda.bpm.generic-properties.properties.hostname\":\"" + name + "\"}"));
        environment.putAll(cluster.settings);
        environment.putAll(settings);
        process = builder.start();
        return this;
    }

    /** Waits until the node answers on its health endpoint; the time it took. */
    public Duration awaitHealthy(Duration timeout) {
        long started = System.nanoTime();
        Api api = api();
        Eventually.within(timeout, name + " answers on /actuator/health (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited; its log:\n" + tail());
            }
            try {
                return api.get(null, "/actuator/health").status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Kills the node as a machine dies: SIGKILL, nothing shut down in order. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public Api api() {
        return new Api(port);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Path jar() {
        return Path.of(System.getProperty("govshare.jar", "target/govshare-0.1.0-SNAPSHOT.jar"));
    }
}
