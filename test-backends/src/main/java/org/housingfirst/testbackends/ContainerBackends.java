package org.housingfirst.testbackends;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka in containers, through Testcontainers, from the images {@code deploy/images/build.sh} builds
 * locally ({@code local/postgres:15}, {@code local/kafka:4.2.1}), used as compatible substitutes of the official ones.
 * Each is started once per JVM and published on 127.0.0.1 only.
 */
final class ContainerBackends {

    static final String POSTGRES_IMAGE = "local/postgres:15";
    static final String KAFKA_IMAGE = "local/kafka:4.2.1";

    private static PostgreSQLContainer postgres;
    private static GenericContainer<?> kafka;

    private ContainerBackends() {}

    /** Whether an engine answers and has the local images. */
    static boolean available() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return false;
            }
            var client = DockerClientFactory.instance().client();
            client.inspectImageCmd(POSTGRES_IMAGE).exec();
            client.inspectImageCmd(KAFKA_IMAGE).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static synchronized TestBackends.Postgres postgres() {
        if (postgres == null) {
            int port = freePort();
            PostgreSQLContainer container = new PostgreSQLContainer(
                            DockerImageName.parse(POSTGRES_IMAGE).asCompatibleSubstituteFor("postgres"))
                    .withDatabaseName("postgres")
                    .withUsername("postgres")
                    .withPassword("postgres")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
            loopbackOnly(container, port, 5432);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            postgres = container;
        }
        return new TestBackends.Postgres(
                "jdbc:postgresql://127.0.0.1:" + postgres.getMappedPort(5432) + "/postgres",
                postgres.getUsername(),
                postgres.getPassword(),
                "PostgreSQL in a container of " + POSTGRES_IMAGE + " (Testcontainers)");
    }

    /** A single-node KRaft broker whose listener has the same port inside and outside, so it can advertise it. */
    static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            int port = freePort();
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(KAFKA_IMAGE))
                    .withEnv("KAFKA_LISTENERS", "PLAINTEXT://0.0.0.0:" + port + ",CONTROLLER://localhost:9093")
                    .withEnv("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://127.0.0.1:" + port)
                    .withEnv("KAFKA_NUM_PARTITIONS", "6")
                    .withEnv("KAFKA_LOG_RETENTION_MS", "-1")
                    .withEnv("KAFKA_HEAP_OPTS", "-Xmx384m")
                    .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1));
            loopbackOnly(container, port, port);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            kafka = container;
            return "127.0.0.1:" + port;
        }
        return "127.0.0.1:" + kafka.getMappedPort(kafka.getExposedPorts().getFirst());
    }

    /** Restarts the PostgreSQL container: same port, same data; open connections break. */
    static void restartPostgres() {
        restart(postgres);
    }

    /** Restarts the Kafka container: same port, same data. */
    static void restartKafka() {
        restart(kafka);
    }

    private static void restart(GenericContainer<?> container) {
        if (container == null) {
            throw new IllegalStateException("not running in a container");
        }
        DockerClientFactory.instance()
                .client()
                .restartContainerCmd(container.getContainerId())
                .exec();
    }

    /* Publishes the container's port on 127.0.0.1 only (Testcontainers would publish on every interface). */
    private static void loopbackOnly(GenericContainer<?> container, int hostPort, int containerPort) {
        container.addExposedPort(containerPort);
        container.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withPortBindings(new PortBinding(
                        Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), ExposedPort.tcp(containerPort))));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
