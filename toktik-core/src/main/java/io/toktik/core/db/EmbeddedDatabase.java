package io.toktik.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        stopOrphan(dir);
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

    /**
     * A process killed without shutdown (kill -9, OOM) leaves its PostgreSQL running and holding the data
     * directory; stop that server so this start can use the data (its last writes are safe in the WAL).
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException e) {
            return; // unreadable: let PostgreSQL judge the lock itself
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) return;
        log.warn("Stopping PostgreSQL (pid {}) left running by a previous process on {}", pid, dir);
        orphan.get().destroy(); // SIGTERM: a clean shutdown; its clients are gone
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            orphan.get().destroyForcibly();
        }
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
