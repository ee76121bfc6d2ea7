package io.toktik.server.config;

import io.toktik.core.ratelimit.InMemoryRateLimiter;
import io.toktik.core.ratelimit.RateLimiter;
import io.toktik.redis.RedisRateLimiter;
import java.time.Clock;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate-limit counts: in this process ({@code TOKTIK_RATELIMIT=embedded}) or in Redis, shared by every api node. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnBackend(property = "toktik.ratelimit.type", value = "embedded", isDefault = true)
    RateLimiter inMemoryRateLimiter(Clock clock) {
        return new InMemoryRateLimiter(clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(property = "toktik.ratelimit.type", value = "redis")
    static class Redis {

        /** Connects at startup: an unreachable Redis fails the start; later outages are reconnected. */
        @Bean(destroyMethod = "close")
        RedisRateLimiter redisRateLimiter(TokTikProperties props) {
            return new RedisRateLimiter(props.ratelimit().redisUrl());
        }

        @Bean
        HealthIndicator redisRateLimit(RedisRateLimiter limiter) {
            return HealthChecks.of(limiter::ping);
        }
    }
}
