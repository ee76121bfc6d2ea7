package io.toktik.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.core.views.ViewCounter;
import io.toktik.tests.RealServers;
import io.toktik.tests.ViewCounterContract;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis counter passes the view-counter contract against the real server; each test has its own key prefix. */
class RedisViewCounterIT extends ViewCounterContract {
    static final String URL = "redis://127.0.0.1:6379";
    private final String prefix = "toktik-it-" + UUID.randomUUID() + ":views:";

    @BeforeAll
    static void requireRedis() {
        RealServers.require("Redis", "127.0.0.1", 6379);
    }

    @Override
    protected ViewCounter newCounter(Duration window) {
        return new RedisViewCounter(URL, prefix, window);
    }

    @Test
    void unreachableRedis_failsConstructionClearly() {
        assertThatThrownBy(() -> new RedisViewCounter("redis://127.0.0.1:1", prefix, Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot connect to Redis at 127.0.0.1:1");
    }
}
