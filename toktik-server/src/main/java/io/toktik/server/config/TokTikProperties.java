package io.toktik.server.config;

import io.toktik.s3.S3Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** TokTik's configuration; every field has an environment variable, mapped in {@code application.yml}. */
@ConfigurationProperties("toktik")
public record TokTikProperties(
        Set<String> roles,
        Path dataDir,
        Db db,
        Storage storage,
        Queue queue,
        Events events,
        Upload upload,
        Media media,
        Worker worker,
        Auth auth,
        Realtime realtime) {

    public record Db(String type, String url, String user, String password) {}

    /** Where blobs live ({@code fs} or {@code s3}) and whether media is served through the app or by redirect. */
    public record Storage(String type, Delivery delivery, S3Settings s3) {
        public enum Delivery { PROXY, REDIRECT }
    }

    public record Queue(String type, String rabbitmqUrl) {}

    /** Where domain events travel between processes: {@code embedded} (this process only) or {@code redis}. */
    public record Events(String type, String redisUrl) {}

    public record Upload(long maxBytes) {}

    public record Media(String ffmpeg, int transcodeTimeoutFactor) {}

    public record Worker(int concurrency, Set<String> jobs, Duration shutdownGrace, Duration lease) {}

    public record Auth(String jwtKeyFile, Duration accessTokenTtl, Duration refreshTokenTtl) {}

    /** Limits of the WebSocket gateway (realtime role): connections, subscriptions, message sizes, timings. */
    public record Realtime(
            int maxConnections,
            int maxSubscriptions,
            DataSize maxMessageSize,
            DataSize sendBufferSize,
            Duration sendTimeout,
            Duration coalesceInterval,
            Duration pingInterval,
            Duration idleTimeout) {}
}
