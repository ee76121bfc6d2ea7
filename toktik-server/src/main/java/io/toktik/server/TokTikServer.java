package io.toktik.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The TokTik server: runs the roles named in {@code TOKTIK_ROLES} (api, worker, realtime) in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokTikServer {
    public static void main(String[] args) {
        SpringApplication.run(TokTikServer.class, args);
    }
}
