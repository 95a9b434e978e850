package org.housingfirst.outcomes.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.housingfirst.outcomes.OutcomesServiceApplication;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.TestBackends;

/**
 * outcomes-service in a JVM of its own, with a maximum heap, so that its memory is its own and not the broker's or the
 * producer's: started with this test's classpath and Java, on a fresh database and the benchmark's topics.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    final Api api;

    private final Api management;

    private ServiceProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.api = new Api(port);
        this.management = new Api(managementPort);
    }

    static ServiceProcess start(String tenancyTopic, String supportTopic, String maxHeap, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        String database = TestBackends.freshDatabase("outcomes_benchmark");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                // a heap of fixed size, as deploy/Dockerfile sets it
                "-Xms" + maxHeap,
                "-Xmx" + maxHeap,
                "-XX:G1HeapRegionSize=4m", // as deploy/Dockerfile runs it
                // -Dbenchmark.jfr=true records a profile of the service to target/benchmark-outcomes-service.jfr
                Boolean.getBoolean("benchmark.jfr")
                        ? "-XX:StartFlightRecording=filename=target/benchmark-outcomes-service.jfr,settings=profile"
                        : "-Dbenchmark.jfr=false",
                "-XX:FlightRecorderOptions=stackdepth=256",
                "-Xlog:gc:file=target/benchmark-outcomes-service-gc.log",
                "-cp",
                System.getProperty("java.class.path"),
                OutcomesServiceApplication.class.getName(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestBackends.user(),
                "--spring.datasource.password=" + TestBackends.password(),
                "--spring.kafka.bootstrap-servers=" + TestBackends.kafkaBootstrapServers(),
                "--platform.consumption.topics=" + tenancyTopic + "," + supportTopic,
                "--platform.consumption.group-id=benchmark",
                "--platform.identity.pseudonym-key=" + IntegrationTestConfiguration.PSEUDONYM_KEY,
                "--platform.security.hmac-secret=" + org.housingfirst.testbackends.TestTokens.SECRET,
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--logging.level.org.housingfirst.outcomes.consumption=INFO"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        ServiceProcess service = new ServiceProcess(builder.start(), port, managementPort);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!service.ready()) {
            if (Instant.now().isAfter(deadline) || !service.process.isAlive()) {
                service.close();
                throw new IllegalStateException("outcomes-service did not start; see " + log);
            }
            Thread.sleep(500);
        }
        return service;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private boolean ready() {
        try {
            return api.get("/readyz", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** A Prometheus sample's value: the sum of every series whose line starts with {@code prefix}. */
    double prometheus(String prefix) {
        return prometheus(prefix, "");
    }

    /**
     * The sum of every series whose line starts with {@code prefix} and contains {@code label}. Asks for that metric
     * only: a full scrape, many times a second, would cost the service a noticeable share of its CPU.
     */
    double prometheus(String prefix, String label) {
        String name = prefix.replace("{", "").replaceFirst("_total$", "");
        return management
                .get("/actuator/prometheus?includedNames=" + name, null)
                .body()
                .lines()
                .filter(line -> line.startsWith(prefix) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
