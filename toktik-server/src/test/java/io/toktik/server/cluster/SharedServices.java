package io.toktik.server.cluster;

import io.toktik.tests.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What server processes of one test share: a fresh database on the local PostgreSQL, an S3 bucket, a signing key. */
public final class SharedServices {
    private SharedServices() {}

    /** Creates a database of its own on 127.0.0.1:5432 and returns its name. */
    public static String freshDatabase(String prefix) {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            c.createStatement().execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database, e);
        }
        return database;
    }

    /** The environment of a node on that database and bucket (backends of the other ports left embedded). */
    public static Map<String, String> env(String database, S3Server s3, String bucket, Path keyFile) {
        return new HashMap<>(Map.of(
                "TOKTIK_DB", "postgres",
                "TOKTIK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "TOKTIK_DB_USER", "postgres",
                "TOKTIK_STORAGE", "s3",
                "TOKTIK_S3_ENDPOINT", s3.endpoint(),
                "TOKTIK_S3_BUCKET", bucket,
                "TOKTIK_S3_ACCESS_KEY", S3Server.ACCESS_KEY,
                "TOKTIK_S3_SECRET_KEY", S3Server.SECRET_KEY,
                "TOKTIK_JWT_KEY_FILE", keyFile.toString()));
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
