package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.ratelimit.InMemoryRateLimiter;
import io.toktik.core.ratelimit.RateLimiter;
import io.toktik.server.auth.LoginThrottle;
import io.toktik.server.config.TokTikProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final TokTikProperties.RateLimit LIMITS =
            new TokTikProperties.RateLimit("embedded", null, 5, 30, Duration.ofMinutes(15));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(new InMemoryRateLimiter(Clock.fixed(NOW, ZoneOffset.UTC)), LIMITS);

    @Test
    void fiveFailuresOfOneAccount_blockIt_forTheRestOfTheWindow() {
        for (int i = 0; i < 4; i++) throttle.failed("ana", "10.0.0.1");
        assertThat(throttle.blocked("ana", "10.0.0.1")).isEmpty();
        throttle.failed("ANA", "10.0.0.2");
        assertThat(throttle.blocked("ana", "10.0.0.3")).contains(Duration.ofMinutes(15));
        assertThat(throttle.blocked("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void thirtyFailuresFromOneAddress_blockEveryAccountFromIt_butNotFromElsewhere() {
        for (int i = 0; i < 30; i++) throttle.failed("user" + i, "10.0.0.9");
        assertThat(throttle.blocked("someone", "10.0.0.9")).isPresent();
        assertThat(throttle.blocked("someone", "10.0.0.10")).isEmpty();
    }

    @Test
    void success_clearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) throttle.failed("carl", "10.0.0.1");
        throttle.succeeded("carl");
        for (int i = 0; i < 4; i++) throttle.failed("carl", "10.0.0.1");
        assertThat(throttle.blocked("carl", "10.0.0.1")).isEmpty();
    }

    @Test
    void unreachableLimiter_letsLoginsThrough() {
        RateLimiter down = new RateLimiter() {
            @Override
            public Window hit(String key, Duration window) {
                throw new IllegalStateException("Redis is down");
            }

            @Override
            public Window peek(String key) {
                throw new IllegalStateException("Redis is down");
            }

            @Override
            public void reset(String key) {
                throw new IllegalStateException("Redis is down");
            }
        };
        LoginThrottle failOpen = new LoginThrottle(down, LIMITS);
        failOpen.failed("dora", "10.0.0.1");
        failOpen.succeeded("dora");
        assertThat(failOpen.blocked("dora", "10.0.0.1")).isEmpty();
    }
}
