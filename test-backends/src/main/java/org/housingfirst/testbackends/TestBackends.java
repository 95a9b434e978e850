package org.housingfirst.testbackends;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real backends the integration tests run against, chosen once per JVM and said on the console:
 *
 * <ul>
 *   <li>PostgreSQL (a fresh database per test class): {@code TEST_POSTGRES_ADMIN_URL} when set; else a container of
 *       the local image when a Docker engine answers and has it (Testcontainers); else the machine's server on
 *       127.0.0.1:5432 when it answers; else an embedded PostgreSQL from Maven Central.
 *   <li>Kafka: a container of the local image in the same case as PostgreSQL; else Kafka's own KRaft broker inside the
 *       test JVM.
 * </ul>
 *
 * {@code TEST_BACKENDS=containers} makes the containers a requirement (CI), {@code TEST_BACKENDS=local} skips them.
 */
public final class TestBackends {

    /** A PostgreSQL server: its maintenance database's URL, the superuser, and how it came to be. */
    record Postgres(String adminUrl, String user, String password, String description) {}

    private static final String CHOICE = System.getenv().getOrDefault("TEST_BACKENDS", "auto");
    private static Boolean containers;
    private static Postgres postgres;
    private static EmbeddedKafkaBroker kafka;
    private static String kafkaInContainer;
    private static boolean staleDatabasesDropped;

    private TestBackends() {}

    private static synchronized boolean containers() {
        if (containers == null) {
            boolean available = !CHOICE.equals("local") && ContainerBackends.available();
            if (CHOICE.equals("containers") && !available) {
                throw new IllegalStateException(
                        "TEST_BACKENDS=containers, but no Docker engine answers with the images "
                                + ContainerBackends.POSTGRES_IMAGE + " and " + ContainerBackends.KAFKA_IMAGE
                                + " (deploy/images/build.sh builds them)");
            }
            containers = available;
        }
        return containers;
    }

    private static synchronized Postgres postgres() {
        if (postgres == null) {
            String url = System.getenv("TEST_POSTGRES_ADMIN_URL");
            if (url != null) {
                postgres = new Postgres(
                        url,
                        System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres"),
                        System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", ""),
                        "TEST_POSTGRES_ADMIN_URL");
            } else if (containers()) {
                postgres = ContainerBackends.postgres();
            } else if (answers("127.0.0.1", 5432)) {
                postgres = new Postgres(
                        "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", "the machine's PostgreSQL");
            } else {
                postgres = EmbeddedPostgres.start();
            }
            System.out.println("Test backends: " + postgres.description() + " at " + postgres.adminUrl());
        }
        return postgres;
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaInContainer == null && kafka == null && containers()) {
            kafkaInContainer = ContainerBackends.kafkaBootstrapServers();
            createTopics(kafkaInContainer);
            System.out.println("Test backends: Kafka in a container of " + ContainerBackends.KAFKA_IMAGE + " at "
                    + kafkaInContainer);
        }
        if (kafkaInContainer != null) {
            return kafkaInContainer;
        }
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker =
                    new EmbeddedKafkaKraftBroker(1, 6, TenancyEvents.TOPIC, SupportEvents.TOPIC);
            broker.afterPropertiesSet();
            System.out.println("Test backends: Kafka's KRaft broker inside the test JVM");
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
            kafka = broker;
        }
        return kafka.getBrokersAsString();
    }

    /**
     * Creates an empty database and returns its JDBC URL. Its name carries its creation time, so the first call in a
     * JVM drops test databases that earlier runs left behind more than an hour ago.
     */
    public static synchronized String freshDatabase(String prefix) {
        long now = Instant.now().getEpochSecond();
        String name = "it_" + prefix + "_" + now + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection connection = DriverManager.getConnection(adminUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            if (!staleDatabasesDropped) {
                dropStaleDatabases(statement, now - 3600);
                staleDatabasesDropped = true;
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database at " + adminUrl(), e);
        }
        return adminUrl().substring(0, adminUrl().lastIndexOf('/') + 1) + name;
    }

    private static void dropStaleDatabases(Statement statement, long olderThan) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet names = statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname ~ '^it_[a-z_]+_[0-9]{10}_[0-9a-f]{8}$'")) {
            while (names.next()) {
                String name = names.getString(1);
                String[] parts = name.split("_");
                if (Long.parseLong(parts[parts.length - 2]) < olderThan) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /* The topics the in-JVM broker is created with, with the broker's defaults, as a service finds them. */
    private static void createTopics(String bootstrapServers) {
        createTopics(bootstrapServers, List.of(TenancyEvents.TOPIC, SupportEvents.TOPIC));
    }

    /**
     * The producers' two topics under a prefix of a test's own, created as the shared ones are (6 partitions): a test
     * whose figures cover a whole country consumes only its own events on them, whatever ran before it on the broker.
     */
    public static synchronized List<String> ownTopics(String prefix) {
        List<String> topics = List.of(prefix + TenancyEvents.TOPIC, prefix + SupportEvents.TOPIC);
        createTopics(kafkaBootstrapServers(), topics);
        return topics;
    }

    private static void createTopics(String bootstrapServers, List<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> missing = new ArrayList<>(names);
            missing.removeAll(admin.listTopics().names().get(60, TimeUnit.SECONDS));
            admin.createTopics(missing.stream()
                            .map(name -> new NewTopic(name, 6, (short) 1))
                            .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics " + names, e);
        }
    }

    /** Whether PostgreSQL and Kafka run in containers, which {@link #restartPostgres} and {@link #restartKafka} need. */
    public static boolean inContainers() {
        return containers();
    }

    /** Restarts the PostgreSQL server's container (fault injection): same port and data, connections break. */
    public static void restartPostgres() {
        ContainerBackends.restartPostgres();
    }

    /** Restarts the Kafka broker's container (fault injection): same port and data. */
    public static void restartKafka() {
        ContainerBackends.restartKafka();
    }

    /** A topic's effective settings as the broker reports them, e.g. {@code retention.ms}. */
    public static Map<String, String> topicConfig(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
            Map<String, String> config = new HashMap<>();
            admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource)
                    .entries()
                    .forEach(entry -> config.put(entry.name(), entry.value()));
            return config;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the settings of " + topic, e);
        }
    }

    /** The JDBC URL of the server's maintenance database, for statements about other databases. */
    public static String adminUrl() {
        return postgres().adminUrl();
    }

    public static String user() {
        return postgres().user();
    }

    public static String password() {
        return postgres().password();
    }
}
