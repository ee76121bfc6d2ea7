package io.toktik.tests;

import io.toktik.core.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Databases for tests, migrated like production: the embedded PostgreSQL (one per test JVM), or a schema of
 * its own on the PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user {@code postgres}).
 */
public final class TestDatabase {
    public static final String SERVER_HOST = "127.0.0.1";
    public static final int SERVER_PORT = 5432;

    private static EmbeddedDatabase embedded;
    private static DataSource server;

    private TestDatabase() {}

    public static synchronized JdbcClient embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedDatabase.start(Files.createTempDirectory("toktik-test-db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Flyway.configure().dataSource(embedded.dataSource()).load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return JdbcClient.create(embedded.dataSource());
    }

    /** A fresh schema on the real server; skipped (or, in CI, failed) when the server is not there. */
    public static synchronized JdbcClient server() {
        RealServers.require("PostgreSQL", SERVER_HOST, SERVER_PORT);
        if (server == null) {
            String schema = "toktik_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl("jdbc:postgresql://" + SERVER_HOST + ":" + SERVER_PORT + "/test?currentSchema=" + schema);
            ds.setUser("postgres");
            Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).load().migrate();
            server = ds;
        }
        return JdbcClient.create(server);
    }
}
