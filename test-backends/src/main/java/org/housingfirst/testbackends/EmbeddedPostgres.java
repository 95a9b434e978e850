package org.housingfirst.testbackends;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The last resort when nothing answers on 127.0.0.1:5432 and no container engine does: PostgreSQL binaries from Maven
 * Central (zonky's), started once per JVM on a free port, so that {@code ./mvnw -B verify} passes on a machine with
 * Java alone.
 */
final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {}

    static synchronized TestBackends.Postgres start() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return new TestBackends.Postgres(
                "jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "postgres",
                "",
                "an embedded PostgreSQL (zonky) on port " + server.getPort());
    }
}
