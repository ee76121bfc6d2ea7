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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(ViewsConfiguration.class);

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
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("toktik-view-flusher").daemon().factory());
        long every = props.counters().flushInterval().toMillis();
        Runnable flush = () -> {
            try {
                flusher.flush();
            } catch (RuntimeException e) {
                log.warn("Flushing views failed (they stay pending and are retried): {}", e.toString());
            }
        };
        return new StartStopLifecycle(
                () -> timer.scheduleWithFixedDelay(flush, every, every, TimeUnit.MILLISECONDS),
                () -> {
                    timer.shutdown();
                    timer.awaitTermination(10, TimeUnit.SECONDS);
                    flush.run();
                });
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
