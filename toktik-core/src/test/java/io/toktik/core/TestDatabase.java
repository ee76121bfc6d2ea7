package io.toktik.core;

import io.toktik.core.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One embedded PostgreSQL per test JVM, migrated like production; tests clean the tables they use. */
public final class TestDatabase {
    private static EmbeddedDatabase database;

    private TestDatabase() {}

    public static synchronized JdbcClient jdbc() {
        if (database == null) {
            try {
                database = EmbeddedDatabase.start(Files.createTempDirectory("toktik-core-test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Flyway.configure().dataSource(database.dataSource()).load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return JdbcClient.create(database.dataSource());
    }
}
