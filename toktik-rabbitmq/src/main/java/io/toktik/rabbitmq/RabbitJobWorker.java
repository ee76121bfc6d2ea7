package io.toktik.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.AMQP;
import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobExecutor;
import io.toktik.core.queue.JobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes jobs from the RabbitMQ queues of its kinds, at most {@code concurrency} at a time (the channel's
 * prefetch), and acknowledges each only after its outcome is committed to the jobs table. A delivery for
 * a job that is finished or running elsewhere is dropped; a job given up on goes to the dead-letter queue.
 * If this process dies, the broker hands its unacknowledged messages to another worker.
 */
public final class RabbitJobWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RabbitJobWorker.class);

    private final Connection connection;
    private final JobStore store;
    private final JobExecutor executor;
    private final int concurrency;
    private final Duration shutdownGrace;
    private final ExecutorService threads;
    private final List<String> consumerTags = new ArrayList<>();
    private Channel channel;

    public RabbitJobWorker(Connection connection, JobStore store, JobExecutor executor, int concurrency, Duration shutdownGrace) {
        this.connection = connection;
        this.store = store;
        this.executor = executor;
        this.concurrency = concurrency;
        this.shutdownGrace = shutdownGrace;
        this.threads = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("rabbit-job-", 0).factory());
    }

    public void start() throws IOException {
        channel = connection.createChannel();
        RabbitTopology.declare(channel, executor.kinds());
        channel.basicQos(concurrency, true);
        for (String kind : executor.kinds()) {
            consumerTags.add(channel.basicConsume(RabbitTopology.queue(kind), false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    threads.submit(() -> run(envelope.getDeliveryTag(), body));
                }
            }));
        }
        log.info("RabbitMQ worker {} consuming {} with prefetch {}", executor.workerId(), executor.kinds(), concurrency);
    }

    private void run(long deliveryTag, byte[] body) {
        long jobId;
        try {
            jobId = Long.parseLong(new String(body, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            log.warn("Dropping a message that is not a job id");
            settle(deliveryTag, Settlement.DEAD_LETTER);
            return;
        }
        try {
            Optional<Job> job = store.claim(jobId, executor.workerId(), executor.lease());
            if (job.isEmpty()) {
                settle(deliveryTag, Settlement.ACK); // finished, or running elsewhere: a duplicate delivery
                return;
            }
            switch (executor.execute(job.get())) {
                case COMPLETED, RETRY_SCHEDULED -> settle(deliveryTag, Settlement.ACK);
                case GAVE_UP -> settle(deliveryTag, Settlement.DEAD_LETTER);
                case INTERRUPTED -> settle(deliveryTag, Settlement.REQUEUE);
            }
        } catch (RuntimeException e) {
            log.warn("Job {} could not be run here ({}); it goes back to the queue", jobId, e.toString());
            settle(deliveryTag, Settlement.REQUEUE);
        }
    }

    private enum Settlement { ACK, REQUEUE, DEAD_LETTER }

    /** Acks go on the consuming channel, from worker threads: one at a time. */
    private synchronized void settle(long deliveryTag, Settlement settlement) {
        try {
            switch (settlement) {
                case ACK -> channel.basicAck(deliveryTag, false);
                case REQUEUE -> channel.basicNack(deliveryTag, false, true);
                case DEAD_LETTER -> channel.basicReject(deliveryTag, false);
            }
        } catch (IOException | RuntimeException e) {
            // The channel broke (broker restart): the broker redelivers unacknowledged messages itself.
            log.warn("Could not {} delivery {}: {}", settlement, deliveryTag, e.toString());
        }
    }

    /** Stops taking jobs, lets running ones finish within the grace period, then hands the rest back. */
    @Override
    public void close() {
        synchronized (this) {
            for (String tag : consumerTags) {
                try {
                    channel.basicCancel(tag);
                } catch (IOException | RuntimeException ignored) {
                    // the channel is gone already
                }
            }
        }
        executor.stop(threads, shutdownGrace);
        try {
            if (channel != null && channel.isOpen()) channel.close();
        } catch (Exception ignored) {
            // unacknowledged messages return to the queue when the channel closes
        }
    }
}
