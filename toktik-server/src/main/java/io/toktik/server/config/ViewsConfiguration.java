package io.toktik.server.config;

import io.toktik.core.events.EventBus;
import io.toktik.core.feed.FeedQueries;
import io.toktik.core.feed.SearchQueries;
import io.toktik.core.views.InMemoryViewCounter;
import io.toktik.core.views.ViewCounter;
import io.toktik.core.views.ViewFlusher;
import io.toktik.core.views.ViewPolicy;
import io.toktik.core.views.ViewStore;
import io.toktik.redis.RedisViewCounter;
import java.time.Clock;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Views, feeds and search: the view counter ({@code TOKTIK_COUNTERS=embedded}, in memory, or {@code redis}, shared
 * by every api node), and on api nodes the flusher that moves counted views into the database.
 */
@Configuration(proxyBeanMethods = false)
class ViewsConfiguration {

    @Bean
    @ConditionalOnBackend(property = "toktik.counters.type", value = "embedded", isDefault = true)
    ViewCounter inMemoryViewCounter(Clock clock) {
        return new InMemoryViewCounter(clock, ViewPolicy.WINDOW);
    }

    @Bean
    FeedQueries feedQueries(JdbcClient jdbc) {
        return new FeedQueries(jdbc);
    }

    @Bean
    SearchQueries searchQueries(JdbcClient jdbc) {
        return new SearchQueries(jdbc);
    }

    @Bean
    @ConditionalOnRole(ConditionalOnRole.API)
    ViewFlusher viewFlusher(ViewCounter counter, JdbcClient jdbc, TransactionTemplate tx, EventBus events) {
        return new ViewFlusher(counter, new ViewStore(jdbc), tx, events);
    }

    /** Flushes every interval, and once more on shutdown so that an embedded counter's last views are kept. */
    @Bean
    @ConditionalOnRole(ConditionalOnRole.API)
    StartStopLifecycle viewFlushing(ViewFlusher flusher, TokTikProperties props) {
        return StartStopLifecycle.every(props.counters().flushInterval(), "toktik-view-flusher", flusher::flush, true); // pending views are retried
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(property = "toktik.counters.type", value = "redis")
    static class Redis {

        /** Connects at startup: an unreachable Redis fails the start. */
        @Bean(destroyMethod = "close")
        RedisViewCounter redisViewCounter(TokTikProperties props) {
            return new RedisViewCounter(props.counters().redisUrl(), RedisViewCounter.DEFAULT_PREFIX, ViewPolicy.WINDOW);
        }

        @Bean
        HealthIndicator redisCounters(RedisViewCounter counter) {
            return HealthChecks.of(counter::ping);
        }
    }
}
