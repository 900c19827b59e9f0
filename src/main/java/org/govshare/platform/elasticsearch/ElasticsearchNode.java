package org.govshare.platform.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node run as a child process from an unpacked distribution.
 *
 * <p>Used by the zero-setup local run and by the integration tests. Elasticsearch refuses to run as root, so
 * when this JVM is root the node runs as {@code nobody} through {@code setpriv}; its configuration, data and
 * logs live in a work folder owned by that user, while the distribution itself stays read only.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final String UNPRIVILEGED_ID = "65534";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private final Path workDir;
    private final int httpPort;
    private final String heap;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    public ElasticsearchNode(Path home, Path workDir, int httpPort, String heap) {
        this.home = home.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.httpPort = httpPort;
        this.heap = heap;
    }

    /** Picks a free loopback port, for a node whose port nobody configured (tests). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Elasticsearch", e);
        }
    }

    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the node and waits until the cluster answers; keeps the data of an earlier start. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at " + home
                    + ": run the build once (./mvnw generate-resources unpacks it from Maven Central),"
                    + " or set govshare.elasticsearch.uris to an existing cluster");
        }
        stopLeftoverNode();
        try {
            prepareWorkDir();
            Instant started = Instant.now();
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("logs/console.log").toFile())
                    .directory(workDir.toFile());
            environment(builder);
            process = builder.start();
            awaitHealthy();
            log.info("Elasticsearch node up at {} in {} ms (data in {})", httpUri(),
                    Duration.between(started, Instant.now()).toMillis(), workDir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch node could not be started from " + home, e);
        }
    }

    /** How the last process exited, once it has; null while it runs or before the first start. */
    public synchronized Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** Kills the node as a machine dies (SIGKILL to the server and its launcher), and waits for them to go. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Duration.ofSeconds(30));
        }
    }

    /** Stops the node (the launcher and the server process it forked) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.toHandle().destroy();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Duration.ofSeconds(30));
        }
        process = null;
        log.info("Elasticsearch node at {} stopped", httpUri());
    }

    @Override
    public void close() {
        stop();
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups"));
        }
        command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-p", workDir.resolve("node.pid").toString()));
        return command;
    }

    private void environment(ProcessBuilder builder) {
        var env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", workDir.resolve("config").toString());
        env.put("ES_TMPDIR", workDir.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("HOME", workDir.toString());
        env.remove("JAVA_TOOL_OPTIONS");
    }

    private void prepareWorkDir() throws IOException {
        for (String dir : List.of("config", "data", "logs", "tmp")) {
            Files.createDirectories(workDir.resolve(dir));
        }
        try (Stream<Path> files = Files.walk(home.resolve("config"))) {
            for (Path source : files.toList()) {
                Path target = workDir.resolve("config").resolve(home.resolve("config").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(workDir.resolve("config/elasticsearch.yml"), String.join("\n",
                "cluster.name: govshare",
                "node.name: govshare-local",
                "path.data: " + workDir.resolve("data"),
                "path.logs: " + workDir.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + freePort(),
                "discovery.type: single-node",
                // a loopback development node: no TLS, no users; production points govshare.elasticsearch.uris elsewhere
                "xpack.security.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: true",
                ""));
        if (runningAsRoot()) {
            run("chown", "-R", UNPRIVILEGED_ID + ":" + UNPRIVILEGED_ID, workDir.toString());
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(httpUri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue()
                        + " while starting; its output:\n" + consoleTail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
            }
            sleep(Duration.ofMillis(300));
        }
        stop();
        throw new IllegalStateException("Elasticsearch did not become healthy within " + STARTUP_TIMEOUT
                + "; its output:\n" + consoleTail());
    }

    /** A node left running by a JVM that was killed holds the data folder's lock; end it first. */
    private void stopLeftoverNode() {
        Path pidFile = workDir.resolve("node.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(h -> h.info().commandLine().orElse("").contains("elasticsearch"));
            leftover.ifPresent(h -> {
                log.warn("Stopping a leftover Elasticsearch node (pid {}) that holds {}", pid, workDir);
                h.parent().filter(p -> p.info().commandLine().orElse("").contains("elasticsearch"))
                        .ifPresent(ProcessHandle::destroy);
                h.destroy();
                awaitExit(h, Duration.ofSeconds(30));
            });
        } catch (IOException | NumberFormatException ignored) {
            // no usable pid file: nothing to stop
        }
    }

    private String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("logs/console.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            handle.destroyForcibly();
        }
    }

    private static void run(String... command) throws IOException {
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
