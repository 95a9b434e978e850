package org.housingfirst.endtoend;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** Instances started by {@link #another}, stopped with the platform if a test has not stopped them. */
    private final List<Process> others = new ArrayList<>();
    /** The identity vault that tenancy-service and support-service share. */
    private final String vault = TestBackends.freshDatabase("e2e_identity");

    private Platform() {}

    static Platform start() throws IOException {
        Platform platform = new Platform();
        for (String service : SERVICES) { // every port first: support-service is told where its peers listen
            platform.ports.put(service, freePort());
        }
        for (String service : SERVICES) {
            platform.launch(service);
        }
        for (String service : SERVICES) {
            platform.awaitReady(service, platform.processes.get(service), platform.ports.get(service), "to be ready");
        }
        return platform;
    }

    /**
     * Stops every instance and waits until each has exited, so that the next test's platform does not start beside
     * services still shutting down (a graceful shutdown closes the listener first and takes seconds more).
     */
    void stop() {
        List<Process> all = new ArrayList<>(processes.values());
        all.addAll(others);
        all.forEach(Process::destroy);
        for (Process process : all) {
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits until the instance answers {@code /readyz} on its port, and then checks that the answer came from it: the
     * process is alive and holds the port's listener. A process that could not bind its port exits, and whatever else
     * listens there would otherwise pass for it.
     */
    private void awaitReady(String service, Process process, int port, String what) {
        Api api = new Api(port);
        PlatformEndToEndIT.eventually(
                () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(service + " (pid " + process.pid() + ") exited with "
                                + process.exitValue() + " before it was ready; see target/" + service + ".log");
                    }
                    return api.get("/readyz", null).status() == 200;
                },
                service + " " + what);
        Listeners.assertHeldBy(port, process.pid(), service);
    }

    /** SIGKILL: the service gets no chance to finish what it was doing. */
    void kill(String service) throws InterruptedException {
        processes.get(service).destroyForcibly().waitFor();
    }

    /** Starts the service again on its port and database, and waits until it is ready. */
    void restart(String service) throws IOException {
        launch(service, ports.get(service), managementPorts.get(service), databases.get(service));
        awaitReady(service, processes.get(service), ports.get(service), "to be ready again");
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

    /** The identity vault's database as a JDBC URL. */
    String vaultJdbcUrl() {
        return vault;
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
        launch(service, ports.get(service), freePort(), TestBackends.freshDatabase("e2e_" + service.replace("-", "_")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void launch(String service, int port, int managementPort, String database) throws IOException {
        processes.put(service, process(service, port, managementPort, database, Map.of()));
        ports.put(service, port);
        managementPorts.put(service, managementPort);
        databases.put(service, database);
    }

    /**
     * Another instance of a running service, on ports of its own, with the same database and identity vault and the
     * given properties changed (a rolling restart's new instance); ready when this returns.
     */
    Instance another(String service, Map<String, String> properties) throws IOException {
        int port = freePort();
        Process process = process(service, port, freePort(), databases.get(service), properties);
        others.add(process);
        awaitReady(service, process, port, "(another instance) to be ready");
        return new Instance(process, new Api(port));
    }

    /** An instance started by {@link #another}. */
    record Instance(Process process, Api api) {
        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    /** Stops the service's first instance gracefully, as a rolling restart does once another one serves. */
    void stopFirst(String service) throws InterruptedException {
        processes.get(service).destroy();
        processes.get(service).waitFor();
    }

    private Process process(String service, int port, int managementPort, String database, Map<String, String> changed)
            throws IOException {
        Path target = Path.of("..", service, "target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches(service + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar of " + service + " in " + target));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("management.server.port", String.valueOf(managementPort));
        properties.put("spring.datasource.url", database);
        properties.put("spring.datasource.username", TestBackends.user());
        properties.put("spring.datasource.password", TestBackends.password());
        properties.put("spring.kafka.bootstrap-servers", TestBackends.kafkaBootstrapServers());
        properties.put("platform.identity.pseudonym-key", IntegrationTestConfiguration.PSEUDONYM_KEY);
        properties.put("platform.security.hmac-secret", TestTokens.SECRET);
        properties.put("logging.structured.format.console", "");
        if (!service.equals("outcomes-service")) {
            properties.put("platform.identity.vault.url", vault);
            properties.put("platform.identity.vault.username", TestBackends.user());
            properties.put("platform.identity.vault.password", TestBackends.password());
        }
        if (service.equals("outcomes-service")) {
            // the authorization matrix and the fuzzer call the statistics API far faster than any client should
            properties.put("platform.statistics.max-calls-per-time-window", "1000000");
        }
        if (service.equals("support-service")) { // the peers a subject access export gathers from
            properties.put("platform.peers.tenancy-service", "http://127.0.0.1:" + ports.get("tenancy-service"));
            properties.put("platform.peers.outcomes-service", "http://127.0.0.1:" + ports.get("outcomes-service"));
        }
        properties.putAll(changed);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx384m", "-jar", jar.toString()));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", service + ".log").toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return builder.start();
    }

    /** One number a query over one of the platform's databases answers, e.g. a count. */
    static long count(String jdbcUrl, String sql) {
        try (java.sql.Connection connection =
                        java.sql.DriverManager.getConnection(jdbcUrl, TestBackends.user(), TestBackends.password());
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Looks for the needles in every row of every table of the database (each row as text); returns rows read. */
    static int scan(String name, String url, List<String> needles, List<String> found) throws java.sql.SQLException {
        int rows = 0;
        try (java.sql.Connection connection =
                        java.sql.DriverManager.getConnection(url, TestBackends.user(), TestBackends.password());
                java.sql.Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (java.sql.ResultSet rs = statement.executeQuery(
                    "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables"
                            + " WHERE table_type = 'BASE TABLE'"
                            + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException(name + " has no tables");
            }
            for (String table : tables) {
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        rows++;
                        String row = rs.getString(1);
                        for (String needle : needles) {
                            if (row.contains(needle)) {
                                found.add(name + " " + table);
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }
}
