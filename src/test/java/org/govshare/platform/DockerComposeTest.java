package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is kept correct by reading it: its services,
 * images, ports and the variables it gives the app are the ones the app reads in its prod profile, and the files it
 * mounts (deploy/) say what the services need to find each other.
 */
class DockerComposeTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        return new Yaml().load(Files.readString(Path.of(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        return (Map<String, String>) service.get("environment");
    }

    @Test
    void runsPostgres17Elasticsearch819Kibana819AndTheApp() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");

        assertThat((String) service(compose, "postgres").get("image")).isEqualTo("postgres:17");
        assertThat((String) service(compose, "elasticsearch").get("image")).matches(".*/elasticsearch:8\\.19\\.\\d+");
        assertThat((String) service(compose, "kibana").get("image")).matches(".*/kibana:8\\.19\\.\\d+");
        assertThat(service(compose, "app").get("build")).isEqualTo(".");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("COPY target/govshare-*.jar");
    }

    @Test
    void everyAppNodeGetsExactlyTheVariablesItsProdProfileReads() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        Set<String> readByApp = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application-prod.yaml")));
        while (m.find()) {
            readByApp.add(m.group(1));
        }

        for (String node : appNodes(compose)) {
            Map<String, String> appEnv = environment(service(compose, node));
            assertThat(appEnv).as(node).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            Set<String> given = new TreeSet<>(appEnv.keySet());
            given.remove("SPRING_PROFILES_ACTIVE");
            assertThat(given).as(node).isEqualTo(readByApp);
        }
    }

    @Test
    void theAppsAddressesPointAtTheComposeServices() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        Map<String, String> appEnv = environment(service(compose, "app"));

        URI db = URI.create(appEnv.get("GOVSHARE_DB_URL").substring("jdbc:".length()));
        assertThat(db.getScheme()).isEqualTo("postgresql");
        assertThat(service(compose, db.getHost())).as("a service named " + db.getHost()).isNotNull();
        assertThat(db.getPort()).isEqualTo(5432);
        assertThat(db.getPath()).isEqualTo("/" + environment(service(compose, "postgres")).get("POSTGRES_DB"));

        URI es = URI.create(appEnv.get("GOVSHARE_ELASTICSEARCH_URIS"));
        assertThat(service(compose, es.getHost())).as("a service named " + es.getHost()).isNotNull();
        assertThat(es.getPort()).isEqualTo(9200);
    }

    @Test
    void twoAppNodesShareTheDatabaseSearchSecretsAndSealKeys() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        assertThat(appNodes(compose)).containsExactlyInAnyOrder("app", "app2");

        // one environment: the same database, index, Elasticsearch user, secrets key and key store
        Map<String, String> app = environment(service(compose, "app"));
        Map<String, String> app2 = environment(service(compose, "app2"));
        assertThat(app2).isEqualTo(app);
        assertThat(app).containsKeys("GOVSHARE_DB_URL", "GOVSHARE_DB_USER", "GOVSHARE_DB_PASSWORD",
                "GOVSHARE_ELASTICSEARCH_URIS", "GOVSHARE_ELASTICSEARCH_USER", "GOVSHARE_ELASTICSEARCH_PASSWORD",
                "GOVSHARE_SECRETS_KEY", "GOVSHARE_SEALS_KEYSTORE", "GOVSHARE_SEALS_KEYSTORE_PASSWORD");

        // and one seal key store: the folder it is in is the same volume on both nodes, never one per node
        String keyStoreFolder = Path.of(app.get("GOVSHARE_SEALS_KEYSTORE")).getParent().toString();
        assertThat(volumeAt(compose, "app", keyStoreFolder)).isNotNull().isEqualTo(volumeAt(compose, "app2", keyStoreFolder));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey(volumeAt(compose, "app", keyStoreFolder));
    }

    /** The volume a service mounts at a path inside its container, or null. */
    private static String volumeAt(Map<String, Object> compose, String name, String path) {
        return ((List<String>) service(compose, name).get("volumes")).stream()
                .map(v -> v.split(":"))
                .filter(v -> v[1].equals(path))
                .map(v -> v[0])
                .findFirst().orElse(null);
    }

    @Test
    void onlyTheLoadBalancerPublishesTheServerPort() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        Map<String, Object> server = (Map<String, Object>) load("src/main/resources/application.yaml").get("server");
        String port = String.valueOf(server.get("port"));

        for (String node : appNodes(compose)) {
            assertThat(service(compose, node).get("ports")).as(node + " publishes nothing").isNull();
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Set<String> publishingThePort = new TreeSet<>();
        for (String name : services.keySet()) {
            List<Object> ports = (List<Object>) service(compose, name).get("ports");
            if (ports != null && ports.stream().map(String::valueOf).anyMatch(p -> p.startsWith(port + ":")
                    || p.contains(":" + port + ":"))) {
                publishingThePort.add(name);
            }
        }
        assertThat(publishingThePort).containsExactly("lb");

        // the port it publishes is the one nginx listens on, in front of the nodes' server port
        Map<String, Object> lb = service(compose, "lb");
        assertThat((String) lb.get("image")).startsWith("nginx:1.27");
        assertThat((List<String>) lb.get("ports")).containsExactly(port + ":" + port);
        assertThat(nginxConf()).containsPattern("\\blisten " + port + ";");
    }

    @Test
    void theLoadBalancerSendsToEveryNodeAndKeepsABrowserOnOne() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        assertThat((List<String>) service(compose, "lb").get("volumes"))
                .contains("./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
        String conf = nginxConf();
        Map<String, Object> server = (Map<String, Object>) load("src/main/resources/application.yaml").get("server");

        // every pool names every node, at the server port
        Matcher upstream = Pattern.compile("upstream (\\w+) \\{([^}]*)}").matcher(conf);
        Map<String, Set<String>> pools = new java.util.TreeMap<>();
        while (upstream.find()) {
            Set<String> servers = new TreeSet<>();
            Matcher line = Pattern.compile("\\n\\s*server ([^\\s;]+)").matcher(upstream.group(2));
            while (line.find()) {
                servers.add(line.group(1));
            }
            pools.put(upstream.group(1), servers);
            assertThat(upstream.group(2).contains("ip_hash;")).as(upstream.group(1) + " keeps a client on one node")
                    .isEqualTo(upstream.group(1).equals("govshare_sticky"));
        }
        Set<String> nodes = new TreeSet<>();
        appNodes(compose).forEach(node -> nodes.add(node + ":" + server.get("port")));
        assertThat(pools).containsOnlyKeys("govshare_any", "govshare_sticky").allSatisfy((pool, servers) ->
                assertThat(servers).as(pool).isEqualTo(nodes));

        // everything is proxied, the webapps under /camunda/ with it, and the nodes learn who called
        assertThat(conf).contains("location / {", "proxy_pass http://$govshare_nodes;",
                "proxy_set_header X-Forwarded-For $remote_addr;", "proxy_set_header X-Forwarded-Proto $scheme;",
                "proxy_set_header X-Forwarded-Host $host;", "proxy_set_header X-Forwarded-Port $server_port;");
        assertThat(environment(service(compose, "app"))).containsEntry("GOVSHARE_FORWARD_HEADERS_STRATEGY", "native");
    }

    private static String nginxConf() throws IOException {
        return Files.readString(Path.of("deploy/nginx/nginx.conf"));
    }

    @Test
    void prometheusScrapesEveryNodeWithTheScrapeCredential() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        Map<String, Object> prometheus = service(compose, "prometheus");
        assertThat((String) prometheus.get("image")).isEqualTo("prom/prometheus:v3.5.0");
        assertThat((List<String>) prometheus.get("volumes"))
                .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");

        List<Map<String, Object>> jobs = (List<Map<String, Object>>) load("deploy/prometheus/prometheus.yml")
                .get("scrape_configs");
        Map<String, Object> job = jobs.stream().filter(j -> "govshare".equals(j.get("job_name"))).findFirst().orElseThrow();
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");

        // each node by its own name, never the load balancer, which would mix the nodes' counters
        Map<String, Object> server = (Map<String, Object>) load("src/main/resources/application.yaml").get("server");
        Set<String> targets = new TreeSet<>();
        ((List<Map<String, Object>>) job.get("static_configs")).forEach(c -> targets.addAll((List<String>) c.get("targets")));
        Set<String> nodes = new TreeSet<>();
        appNodes(compose).forEach(node -> nodes.add(node + ":" + server.get("port")));
        assertThat(targets).isEqualTo(nodes);

        // HTTP Basic as `prometheus`, the password from a file: the compose secret made from the variable the nodes read
        Map<String, Object> basicAuth = (Map<String, Object>) job.get("basic_auth");
        assertThat(basicAuth).containsEntry("username", "prometheus").doesNotContainKey("password");
        String secret = ((List<String>) prometheus.get("secrets")).get(0);
        assertThat(basicAuth).containsEntry("password_file", "/run/secrets/" + secret);
        Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
        assertThat((Map<String, Object>) secrets.get(secret)).containsEntry("environment", "GOVSHARE_METRICS_SCRAPE_PASSWORD");
        for (String node : appNodes(compose)) {
            assertThat(environment(service(compose, node)).get("GOVSHARE_METRICS_SCRAPE_PASSWORD")).as(node)
                    .startsWith("${GOVSHARE_METRICS_SCRAPE_PASSWORD:?");
        }
        // which the nodes read as govshare.metrics.scrape-password, for the user govshare.metrics.username (prometheus)
        Map<String, Object> govshare = (Map<String, Object>) load("src/main/resources/application-prod.yaml").get("govshare");
        assertThat((Map<String, Object>) govshare.get("metrics"))
                .containsEntry("scrape-password", "${GOVSHARE_METRICS_SCRAPE_PASSWORD:}");
        assertThat(Files.readString(Path.of("src/main/java/org/govshare/identity/security/ScrapeProperties.java")))
                .contains("@DefaultValue(\"prometheus\") String username");

        // its page has no login: published on loopback only
        assertThat((List<String>) prometheus.get("ports")).allMatch(p -> p.startsWith("127.0.0.1:"));
    }

    @Test
    void theAppConnectsToElasticsearchAsItsOwnUserNotTheSuperuser() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        String setup = Files.readString(Path.of("deploy/elasticsearch/setup.sh"));

        for (String node : appNodes(compose)) {
            Map<String, String> env = environment(service(compose, node));
            assertThat(env.get("GOVSHARE_ELASTICSEARCH_USER")).as(node).isEqualTo("govshare_app");
            assertThat(env.get("GOVSHARE_ELASTICSEARCH_PASSWORD")).as(node).doesNotContain("ELASTIC_PASSWORD");
            assertThat((Map<String, Object>) service(compose, node).get("depends_on")).as(node + " waits for its user")
                    .containsEntry("kibana-setup", Map.of("condition", "service_completed_successfully"));
        }

        // the one-shot setup runs the script that makes that user, whose role reaches the indices the app writes
        Map<String, Object> setupService = service(compose, "kibana-setup");
        assertThat((List<String>) setupService.get("volumes")).anyMatch(v -> v.startsWith("./deploy/elasticsearch/setup.sh:"));
        assertThat(environment(setupService)).containsKeys("ELASTIC_PASSWORD", "GOVSHARE_ELASTICSEARCH_PASSWORD");
        Map<String, Object> govshare = (Map<String, Object>) load("src/main/resources/application.yaml").get("govshare");
        String auditIndex = (String) ((Map<String, Object>) govshare.get("audit")).get("index-name");
        Matcher checkpointIndex = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\) String indexName")
                .matcher(Files.readString(Path.of("src/main/java/org/govshare/anchor/AnchorProperties.java")));
        assertThat(checkpointIndex.find()).isTrue();
        assertThat(setup).contains("/_security/role/govshare_app", "/_security/user/govshare_app",
                "AUDIT_INDEX=" + auditIndex + "\n", "CHECKPOINT_INDEX=" + checkpointIndex.group(1) + "\n");
    }

    /** The services that run the app: those built from this repository. */
    private static List<String> appNodes(Map<String, Object> compose) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        List<String> nodes = services.keySet().stream().filter(name -> ".".equals(service(compose, name).get("build"))).toList();
        assertThat(nodes).isNotEmpty();
        return nodes;
    }

    @Test
    void noPasswordHasADefault() throws IOException {
        Map<String, Object> services = (Map<String, Object>) load("docker-compose.yml").get("services");
        for (String name : services.keySet()) {
            Map<String, String> env = environment(service(load("docker-compose.yml"), name));
            if (env == null) {
                continue;
            }
            env.forEach((key, value) -> {
                if (key.contains("PASSWORD") || key.contains("SECRET")) {
                    assertThat(value).as(name + "." + key).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                }
            });
        }
    }
}
