package io.toktik.server.config;

import io.toktik.redis.RedisEventBus;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Domain events over Redis pub/sub ({@code TOKTIK_EVENTS=redis}), so that every process sees every process's events. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBackend(property = "toktik.events.type", value = "redis")
class RedisEventsConfiguration {

    /** Connects at startup: an unreachable Redis fails the start; later outages are reconnected. */
    @Bean(destroyMethod = "close")
    RedisEventBus redisEventBus(TokTikProperties props) {
        return new RedisEventBus(props.events().redisUrl());
    }

    @Bean
    HealthIndicator redis(RedisEventBus bus) {
        return HealthChecks.of(bus::ping);
    }
}
