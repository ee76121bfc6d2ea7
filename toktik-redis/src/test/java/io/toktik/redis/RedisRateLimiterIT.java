package io.toktik.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.toktik.core.ratelimit.RateLimiter;
import io.toktik.tests.RateLimiterContract;
import io.toktik.tests.RealServers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis limiter passes the rate-limiter contract against the real server, two connections being two nodes. */
class RedisRateLimiterIT extends RateLimiterContract {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final String URL = "redis://" + HOST + ":" + PORT;
    /** Keys of this run only. */
    static final String PREFIX = "toktik-it-" + UUID.randomUUID() + ":";

    private static RedisClient admin;
    private static StatefulRedisConnection<String, String> redis;
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    @BeforeAll
    static void connect() {
        RealServers.require("Redis", HOST, PORT);
        admin = RedisClient.create(URL);
        redis = admin.connect();
    }

    @AfterAll
    static void disconnect() {
        if (admin != null) admin.shutdown();
    }

    @AfterEach
    void close() {
        opened.forEach(RedisRateLimiter::close);
    }

    @Override
    protected RateLimiter newLimiter() {
        RedisRateLimiter limiter = new RedisRateLimiter(URL, PREFIX);
        opened.add(limiter);
        return limiter;
    }

    @Override
    protected void expire(String key) {
        redis.sync().pexpire(PREFIX + key, 1);
        while (redis.sync().exists(PREFIX + key) > 0) Thread.onSpinWait();
    }

    @Test
    void everyCount_expiresWithItsWindow() {
        String k = key();
        node1.hit(k, WINDOW);
        node1.hit(k, WINDOW);
        assertThat(redis.sync().pttl(PREFIX + k)).isPositive().isLessThanOrEqualTo(WINDOW.toMillis());
    }
}
