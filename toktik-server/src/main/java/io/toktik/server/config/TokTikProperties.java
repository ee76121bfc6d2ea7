package io.toktik.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** TokTik's configuration; every field has an environment variable, mapped in {@code application.yml}. */
@ConfigurationProperties("toktik")
public record TokTikProperties(
        Set<String> roles,
        Path dataDir,
        Db db,
        Queue queue,
        Upload upload,
        Media media,
        Worker worker,
        Auth auth) {

    public record Db(String type, String url, String user, String password) {}

    public record Queue(String type, String rabbitmqUrl) {}

    public record Upload(long maxBytes) {}

    public record Media(String ffmpeg, int transcodeTimeoutFactor) {}

    public record Worker(int concurrency, Set<String> jobs, Duration shutdownGrace, Duration lease) {}

    public record Auth(String jwtKeyFile, Duration accessTokenTtl, Duration refreshTokenTtl) {}
}
