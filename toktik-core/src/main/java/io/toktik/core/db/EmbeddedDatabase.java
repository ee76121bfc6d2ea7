package io.toktik.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server the process starts itself, its data kept under the data directory across restarts,
 * so a laptop needs nothing installed. Same engine, same migrations as a real PostgreSQL server.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("postgres")).toAbsolutePath();
        long started = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(dataDir.resolve("postgres-bin")).toFile())
                .setServerConfig("max_connections", "100")
                .setRegisterShutdownHook(false) // the application stops it, after the work that still needs it
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", pg.getPort(), dir,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedDatabase(pg);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
