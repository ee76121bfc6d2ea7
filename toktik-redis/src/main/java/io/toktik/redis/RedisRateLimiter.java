package io.toktik.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.toktik.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@link RateLimiter} in Redis, shared by every process connected to it: a key's count is a Redis integer that
 * expires with its window ({@code INCR}, then {@code PEXPIRE} on the first event, in one script so no count is
 * left without expiry). Commands wait at most {@link #COMMAND_TIMEOUT}, then throw.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    public static final String DEFAULT_KEY_PREFIX = "toktik:ratelimit:";
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final String HIT = """
            local c = redis.call('INCR', KEYS[1])
            if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {c, redis.call('PTTL', KEYS[1])}""";
    private static final String PEEK = """
            local c = redis.call('GET', KEYS[1])
            if not c then return {0, 0} end
            return {tonumber(c), redis.call('PTTL', KEYS[1])}""";

    private final String prefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    /** @param url e.g. {@code redis://127.0.0.1:6379} */
    public RedisRateLimiter(String url) {
        this(url, DEFAULT_KEY_PREFIX);
    }

    /** @param keyPrefix put before each key; processes must share it to share counts */
    public RedisRateLimiter(String url, String keyPrefix) {
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.client = RedisClient.create(RedisURI.create(url));
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT)).build());
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Cannot connect to Redis at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Window hit(String key, Duration window) {
        return window(redis().eval(HIT, ScriptOutputType.MULTI, new String[] {prefix + key},
                Long.toString(Math.max(1, window.toMillis()))));
    }

    @Override
    public Window peek(String key) {
        return window(redis().eval(PEEK, ScriptOutputType.MULTI, new String[] {prefix + key}));
    }

    @Override
    public void reset(String key) {
        redis().del(prefix + key);
    }

    /** Throws when Redis does not answer. */
    public void ping() {
        redis().ping();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private RedisCommands<String, String> redis() {
        return connection.sync();
    }

    private static Window window(List<Object> reply) {
        long count = (Long) reply.get(0);
        long ttl = (Long) reply.get(1);
        return count == 0 ? Window.EMPTY : new Window(count, Duration.ofMillis(Math.max(0, ttl)));
    }
}
