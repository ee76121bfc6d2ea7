package io.toktik.server;

import io.toktik.server.auth.SigningKey;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The TokTik server: runs the roles named in {@code TOKTIK_ROLES} (api, worker, realtime) in one process.
 * {@code generate-signing-key <file>} only writes a new token signing key (for a Secret every api node mounts).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokTikServer {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("generate-signing-key")) {
            SigningKey.loadOrCreate(Path.of(args[1]));
            return;
        }
        SpringApplication.run(TokTikServer.class, args);
    }
}
