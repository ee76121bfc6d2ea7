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
        Counters counters,
        Upload upload,
        Media media,
        Worker worker,
        Auth auth,
        Realtime realtime,
        RateLimit ratelimit,
        Playback playback) {

    public record Db(String type, String url, String user, String password) {}

    /** Where blobs live ({@code fs} or {@code s3}) and whether media is served through the app or by redirect. */
    public record Storage(String type, Delivery delivery, S3Settings s3) {
        public enum Delivery { PROXY, REDIRECT }
    }

    public record Queue(String type, String rabbitmqUrl) {}

    /** Where domain events travel between processes: {@code embedded} (this process only) or {@code redis}. */
    public record Events(String type, String redisUrl) {}

    /** Where view counts wait before they are flushed to the database: {@code embedded} (memory) or {@code redis}. */
    public record Counters(String type, String redisUrl, Duration flushInterval) {}

    /**
     * Upload limits; resumable uploads expire {@code expiry} after their last chunk and are swept every
     * {@code sweepInterval}; {@code earlyStart}: encode a streamable source while its resumable upload still arrives
     * (where the store reads unfinished uploads: a local disk, not S3).
     */
    public record Upload(long maxBytes, Duration expiry, Duration sweepInterval, boolean earlyStart) {}

    /** @param chunkSeconds sources longer than this are transcoded in spans of about this length, in parallel */
    public record Media(String ffmpeg, int transcodeTimeoutFactor, int chunkSeconds) {}

    /**
     * @param earlyConcurrency early encodes ({@code early} jobs) at a time, on threads of their own beside the
     *                         {@code concurrency} others (embedded queue; with RabbitMQ they share {@code concurrency})
     */
    public record Worker(int concurrency, Set<String> jobs, Duration shutdownGrace, Duration lease, int earlyConcurrency) {}

    public record Auth(String jwtKeyFile, Duration accessTokenTtl, Duration refreshTokenTtl) {}

    /**
     * Where rate-limit counts live ({@code embedded}: this process; {@code redis}: shared by every api node), and the
     * login limits: failures per account and per client address within one window.
     */
    public record RateLimit(String type, String redisUrl, int loginFailuresPerAccount, int loginFailuresPerAddress,
                            Duration loginWindow) {}

    /** Signed playback URLs of unlisted and private videos: the HMAC key file and how long a URL stays valid. */
    public record Playback(String keyFile, Duration tokenTtl) {}

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
