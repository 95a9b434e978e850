package org.housingfirst.testbackends;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service running on a random port (and its actuator on another) against a fresh database and the in-JVM broker, with a client for its API and a
 * reader of the topic it publishes to, as a downstream consumer would read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceIntegrationTest {

    @LocalServerPort
    protected int port;

    /** The actuator's own port (metrics, health details), which is never published with the API. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private Environment environment;

    protected Api api;
    protected Api management;
    protected TopicReader topic;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        IntegrationTestConfiguration.register(registry, "service_it");
    }

    /** The topic the service publishes to. */
    protected abstract String topicName();

    @BeforeAll
    void openTopic() {
        topic = new TopicReader(TestBackends.kafkaBootstrapServers(), topicName());
    }

    @AfterAll
    void closeTopic() {
        topic.close();
    }

    @BeforeEach
    void client() {
        api = new Api(port);
        management = new Api(managementPort);
    }

    /** Events in the service's event store. */
    protected long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry")
                .query(Long.class)
                .single();
    }

    /** The participant id the identity vault links to a pseudonym (services that receive identity numbers only). */
    protected String participantIdOf(String pseudonym) {
        return vault().sql("SELECT surrogate FROM participant_link WHERE pseudonym = ?")
                .param(pseudonym)
                .query(String.class)
                .single();
    }

    /** The identity vault (services that receive identity numbers only). */
    protected JdbcClient vault() {
        return JdbcClient.create(new DriverManagerDataSource(
                environment.getRequiredProperty("platform.identity.vault.url"),
                TestBackends.user(),
                TestBackends.password()));
    }
}
