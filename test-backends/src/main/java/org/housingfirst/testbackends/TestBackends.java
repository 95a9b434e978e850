package org.housingfirst.testbackends;

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
import org.apache.kafka.common.config.ConfigResource;
import org.housingfirst.contracts.support.SupportEvents;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real backends the integration tests run against, without Docker: the PostgreSQL server of the machine (a fresh
 * database per test class) and Kafka's own KRaft broker started inside the test JVM, once.
 */
public final class TestBackends {

    private static final String ADMIN_URL =
            System.getenv().getOrDefault("TEST_POSTGRES_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");

    private static EmbeddedKafkaBroker kafka;
    private static boolean staleDatabasesDropped;

    private TestBackends() {}

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker =
                    new EmbeddedKafkaKraftBroker(1, 6, TenancyEvents.TOPIC, SupportEvents.TOPIC);
            broker.afterPropertiesSet();
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
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            if (!staleDatabasesDropped) {
                dropStaleDatabases(statement, now - 3600);
                staleDatabasesDropped = true;
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database at " + ADMIN_URL, e);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
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
        return ADMIN_URL;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }
}
