package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The deploy files cannot run here (no Docker engine, no Kubernetes), so they are checked against the services'
 * own configuration: service names, ports, environment variables the services read, health endpoints, secrets only by
 * reference and never with a default, and the scrape targets.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, String> PREFIX =
            Map.of("tenancy-service", "TENANCY", "support-service", "SUPPORT", "outcomes-service", "OUTCOMES");
    /** Variables the services read without a placeholder: Spring Boot's relaxed binding, and Axon's update check. */
    private static final Set<String> BOUND_BY_NAME =
            Set.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "AXONIQ_UPDATE_CHECKER_DISABLED");

    @Test
    void composeRunsEveryServiceOnItsPortWithVariablesItReadsAndNoDefaultSecret() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("deploy/compose/compose.yaml"));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services.keySet())
                .containsExactlyInAnyOrder(
                        "postgres", "kafka", "tenancy-service", "support-service", "outcomes-service");
        for (String service : PREFIX.keySet()) {
            Map<String, Object> definition = map(services.get(service));
            int port = defaultPort(service);
            assertThat(definition.get("ports")).asString().contains(port + ":" + port);
            assertThat(definition.get("ports"))
                    .as("the management port is not published")
                    .asString()
                    .doesNotContain(String.valueOf(managementPort(service)));
            Map<String, Object> environment = map(definition.get("environment"));
            assertThat(environment.get(PREFIX.get(service) + "_PORT"))
                    .asString()
                    .isEqualTo(String.valueOf(port));
            assertThat(placeholders(service))
                    .as(service)
                    .containsAll(environment.keySet().stream()
                            .filter(v -> !BOUND_BY_NAME.contains(v))
                            .toList());
            for (String secret : List.of("PSEUDONYM_KEY", PREFIX.get(service) + "_DB_PASSWORD")) {
                assertThat(environment.get(secret)).asString().as(secret).matches("\\$\\{[A-Z_]+:\\?.+}");
            }
            assertThat(definition.get("healthcheck")).asString().contains("localhost:" + port + "/readyz");
        }
        assertThat(map(map(services.get("postgres")).get("environment")).get("POSTGRES_PASSWORD"))
                .asString()
                .startsWith("${POSTGRES_PASSWORD:?");
        assertThat(Files.readString(ROOT.resolve("deploy/compose/init-databases.sql")))
                .contains("CREATE DATABASE tenancy", "CREATE DATABASE support", "CREATE DATABASE outcomes");
    }

    /* Rebuilds replay the topics from offset 0; a broker default of 7 days would leave a fraction of the history. */
    @Test
    void brokersKeepEveryEventForEver() throws IOException {
        Map<String, Object> kafka =
                map(map(yaml(ROOT.resolve("deploy/compose/compose.yaml")).get("services"))
                        .get("kafka"));
        assertThat(map(kafka.get("environment")).get("KAFKA_LOG_RETENTION_MS"))
                .asString()
                .isEqualTo("-1");
        assertThat(Files.readAllLines(ROOT.resolve("deploy/local/kafka/server.properties")))
                .contains("log.retention.ms=-1");
    }

    @Test
    void kubernetesBaseProbesPortsVariablesAndSecretsByReference() throws IOException {
        Path base = ROOT.resolve("deploy/kubernetes/base");
        Map<String, Object> kustomization = yaml(base.resolve("kustomization.yaml"));
        List<String> resources = list(kustomization.get("resources"));
        resources.forEach(file -> assertThat(base.resolve(file)).exists());
        Map<String, Object> config = yaml(base.resolve("config.yaml"));
        Set<String> configKeys = map(config.get("data")).keySet();
        for (String service : PREFIX.keySet()) {
            List<Map<String, Object>> documents = documents(base.resolve(service + ".yaml"));
            Map<String, Object> deployment = documents.get(0);
            Map<String, Object> serviceObject = documents.get(1);
            assertThat(deployment.get("kind")).isEqualTo("Deployment");
            assertThat(serviceObject.get("kind")).isEqualTo("Service");
            Map<String, Object> container = map(
                    list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
                                    .get("containers"))
                            .get(0));
            int port = defaultPort(service);
            assertThat(container.get("ports")).asString().contains("containerPort=" + port);
            assertThat(serviceObject.get("spec")).asString().contains("port=" + port);
            assertThat(container.get("readinessProbe")).asString().contains("/readyz");
            assertThat(container.get("livenessProbe")).asString().contains("/livez");
            assertThat(container.get("ports")).asString().contains("containerPort=" + managementPort(service));
            assertThat(map(map(map(deployment.get("spec")).get("template")).get("metadata"))
                            .get("annotations"))
                    .asString()
                    .contains("prometheus.io/port=" + managementPort(service));
            assertThat(serviceObject.get("spec"))
                    .as("the Service exposes the API port only")
                    .asString()
                    .doesNotContain(String.valueOf(managementPort(service)));
            assertThat(container).containsKey("resources");
            Set<String> placeholders = placeholders(service);
            for (Object item : list(container.get("env"))) {
                Map<String, Object> variable = map(item);
                String name = (String) variable.get("name");
                if (!BOUND_BY_NAME.contains(name)) {
                    assertThat(placeholders).as(service + " reads " + name).contains(name);
                }
                String source = String.valueOf(variable.get("valueFrom"));
                if (name.equals("PSEUDONYM_KEY") || name.endsWith("_DB_PASSWORD")) {
                    assertThat(source).as(name + " only by secret reference").contains("secretKeyRef");
                }
                Matcher key = Pattern.compile("configMapKeyRef=\\{name=housing-first-config, key=(\\w+)")
                        .matcher(source);
                if (key.find()) {
                    assertThat(configKeys).contains(key.group(1));
                }
            }
        }
    }

    @Test
    void productionOverlayScalesOutcomesServiceHorizontally() throws IOException {
        Map<String, Object> overlay = yaml(ROOT.resolve("deploy/kubernetes/overlays/production/kustomization.yaml"));
        assertThat(list(overlay.get("resources"))).contains("../../base");
        Map<String, Integer> replicas = new HashMap<>();
        for (Object item : list(overlay.get("replicas"))) {
            replicas.put((String) map(item).get("name"), (Integer) map(item).get("count"));
        }
        assertThat(replicas.get("outcomes-service")).isGreaterThan(1);
        assertThat(list(overlay.get("images"))).hasSize(3);
        for (Object patch : list(overlay.get("patches"))) {
            assertThat(ROOT.resolve("deploy/kubernetes/overlays/production")
                            .resolve((String) map(patch).get("path")))
                    .exists();
        }
    }

    @Test
    void prometheusScrapesEveryService() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Object> config = yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(config.get("scrape_configs")).asString().contains("metrics_path=/actuator/prometheus");
        for (String service : PREFIX.keySet()) {
            assertThat(prometheus).contains(service + ":" + managementPort(service));
        }
    }

    /** The metric names a Grafana panel queries, for the end-to-end test to find them in real scrapes. */
    static Set<String> grafanaMetrics() throws IOException {
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/housing-first-operations.json"));
        Set<String> metrics = new TreeSet<>();
        Matcher expr = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
        while (expr.find()) {
            Matcher name = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b(?=\\s*[{\\[)]|\\s*$)")
                    .matcher(expr.group(1).replaceAll("\\{[^}]*}", "{}"));
            while (name.find()) {
                metrics.add(name.group(1));
            }
        }
        return metrics;
    }

    @Test
    void grafanaQueriesTheServicesMetrics() throws IOException {
        assertThat(grafanaMetrics())
                .contains(
                        "outbox_publisher_lag_events",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "outcomes_rebuild_lag_events",
                        "http_server_requests_seconds_count");
    }

    private static int defaultPort(String service) throws IOException {
        return defaultPort(service, PREFIX.get(service) + "_PORT");
    }

    /* The actuator's own port, which only Prometheus reaches. */
    private static int managementPort(String service) throws IOException {
        return defaultPort(service, "MANAGEMENT_PORT");
    }

    private static int defaultPort(String service, String variable) throws IOException {
        Matcher m = Pattern.compile("port: \\$\\{" + variable + ":(\\d+)}").matcher(applicationYml(service));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static Set<String> placeholders(String service) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(applicationYml(service));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String applicationYml(String service) throws IOException {
        return Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml"));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return documents(file).get(0);
    }

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(in)) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<T>) value;
    }
}
