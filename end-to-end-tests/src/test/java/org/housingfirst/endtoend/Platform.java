package org.housingfirst.endtoend;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestBackends;
import org.housingfirst.testbackends.TestTokens;

/**
 * The three executable jars as separate processes, each with a fresh database of its own, sharing the in-JVM Kafka
 * broker; ready when {@link #start()} returns.
 */
final class Platform {

    static final List<String> SERVICES = List.of("tenancy-service", "support-service", "outcomes-service");

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, String> databases = new LinkedHashMap<>();

    private Platform() {}

    static Platform start() throws IOException {
        Platform platform = new Platform();
        for (String service : SERVICES) {
            platform.launch(service);
        }
        for (String service : SERVICES) {
            Api api = platform.api(service);
            PlatformEndToEndIT.eventually(() -> api.get("/readyz", null).status() == 200, service + " to be ready");
        }
        return platform;
    }

    void stop() {
        processes.values().forEach(Process::destroy);
    }

    /** SIGKILL: the service gets no chance to finish what it was doing. */
    void kill(String service) throws InterruptedException {
        processes.get(service).destroyForcibly().waitFor();
    }

    /** Starts the service again on its port and database, and waits until it is ready. */
    void restart(String service) throws IOException {
        launch(service, ports.get(service), managementPorts.get(service), databases.get(service));
        Api api = api(service);
        PlatformEndToEndIT.eventually(() -> api.get("/readyz", null).status() == 200, service + " to be ready again");
    }

    Map<String, Integer> ports() {
        return ports;
    }

    Api api(String service) {
        return new Api(ports.get(service));
    }

    /** The service's actuator (metrics, health details), on its management port. */
    Api management(String service) {
        return new Api(managementPorts.get(service));
    }

    /** The service's database as a JDBC URL. */
    String jdbcUrl(String service) {
        return databases.get(service);
    }

    /** The service's database as a {@code postgresql://} URL, for clients outside the JVM. */
    String databaseUrl(String service) {
        String jdbc = databases.get(service);
        String user = TestBackends.user();
        String password = TestBackends.password();
        return jdbc.replace(
                "jdbc:postgresql://", "postgresql://" + user + (password.isEmpty() ? "" : ":" + password) + "@");
    }

    private void launch(String service) throws IOException {
        launch(service, freePort(), freePort(), TestBackends.freshDatabase("e2e_" + service.replace("-", "_")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void launch(String service, int port, int managementPort, String database) throws IOException {
        Path target = Path.of("..", service, "target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches(service + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar of " + service + " in " + target));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-Xmx384m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--management.server.port=" + managementPort,
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestBackends.user(),
                        "--spring.datasource.password=" + TestBackends.password(),
                        "--spring.kafka.bootstrap-servers=" + TestBackends.kafkaBootstrapServers(),
                        "--platform.identity.pseudonym-key=" + IntegrationTestConfiguration.PSEUDONYM_KEY,
                        "--platform.security.hmac-secret=" + TestTokens.SECRET,
                        "--logging.structured.format.console=")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", service + ".log").toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        processes.put(service, builder.start());
        ports.put(service, port);
        managementPorts.put(service, managementPort);
        databases.put(service, database);
    }
}
