package io.toktik.server.config;

import com.rabbitmq.client.Connection;
import io.toktik.core.queue.JobExecutor;
import io.toktik.core.queue.JobStore;
import io.toktik.core.video.VideoJobs;
import io.toktik.rabbitmq.OutboxRelay;
import io.toktik.rabbitmq.RabbitConnections;
import io.toktik.rabbitmq.RabbitJobWorker;
import java.time.Duration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job queue on RabbitMQ ({@code TOKTIK_QUEUE=rabbitmq}): every process relays the jobs table (the outbox)
 * to the broker; worker processes consume the queues of the job kinds they take.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBackend(property = "toktik.queue.type", value = "rabbitmq")
class RabbitQueueConfiguration {
    /** A published job nobody took within this long is published again (its message was lost). */
    private static final Duration REDELIVER_AFTER = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    Connection rabbitConnection(TokTikProperties props) throws Exception {
        return RabbitConnections.open(props.queue().rabbitmqUrl(), "toktik " + String.join(",", props.roles()));
    }

    @Bean(destroyMethod = "")
    OutboxRelay outboxRelay(JobStore store, Connection connection) {
        return new OutboxRelay(store, connection, VideoJobs.KINDS, REDELIVER_AFTER);
    }

    @Bean
    JobWakeUp outboxRelayWakeUp(OutboxRelay relay) {
        return relay::wakeUp;
    }

    @Bean
    StartStopLifecycle outboxRelayLifecycle(OutboxRelay relay) {
        return new StartStopLifecycle(relay::start, relay::close);
    }

    @Bean
    HealthIndicator rabbitmq(Connection connection) {
        return HealthChecks.of(() -> {
            if (!connection.isOpen()) throw new IllegalStateException("connection closed");
        });
    }

    /** Nested configurations are scanned on their own: each repeats the outer condition. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBackend(property = "toktik.queue.type", value = "rabbitmq")
    @ConditionalOnRole(ConditionalOnRole.WORKER)
    static class Worker {
        @Bean(destroyMethod = "")
        RabbitJobWorker rabbitJobWorker(Connection connection, JobStore store, JobExecutor executor, TokTikProperties props) {
            return new RabbitJobWorker(connection, store, executor, props.worker().concurrency(), props.worker().shutdownGrace());
        }

        @Bean
        StartStopLifecycle rabbitJobWorkerLifecycle(RabbitJobWorker worker) {
            return new StartStopLifecycle(worker::start, worker::close);
        }
    }
}
