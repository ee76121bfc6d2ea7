package io.toktik.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.toktik.core.queue.JobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes jobs from the jobs table (the outbox) to RabbitMQ, as persistent messages confirmed by the
 * broker; a batch the broker did not confirm goes back to the table and is published again. Also publishes
 * again the jobs whose message was lost or whose worker died. Any number of relays may run: each row is
 * taken by one of them.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final JobStore store;
    private final Connection connection;
    private final Set<String> kinds;
    private final Duration redeliverAfter;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private Channel channel;

    /**
     * @param kinds          every job kind there is (their queues are declared before publishing)
     * @param redeliverAfter a published job nobody has taken within this long is published again
     */
    public OutboxRelay(JobStore store, Connection connection, Set<String> kinds, Duration redeliverAfter) {
        this.store = store;
        this.connection = connection;
        this.kinds = Set.copyOf(kinds);
        this.redeliverAfter = redeliverAfter;
        this.thread = Thread.ofPlatform().name("outbox-relay").unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** Tells the relay a job was enqueued, so it need not wait for its next poll. */
    public void wakeUp() {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                if (relayOnce() == 0) {
                    wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) return;
                log.warn("Outbox relay: {} (will retry)", e.toString());
                closeChannel();
                sleep(POLL);
            }
        }
    }

    /** Publishes one batch; returns how many jobs it published. */
    int relayOnce() throws Exception {
        List<JobStore.Dispatch> batch = store.takeForDispatch(BATCH, redeliverAfter);
        if (batch.isEmpty()) return 0;
        try {
            Channel ch = channel();
            for (JobStore.Dispatch d : batch) {
                AMQP.BasicProperties props = MessageProperties.PERSISTENT_TEXT_PLAIN.builder()
                        .priority(RabbitTopology.amqpPriority(d.priority()))
                        .messageId(Long.toString(d.jobId()))
                        .build();
                ch.basicPublish(RabbitTopology.EXCHANGE, d.kind(), true, props,
                        Long.toString(d.jobId()).getBytes(StandardCharsets.US_ASCII));
            }
            ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            return batch.size();
        } catch (Exception e) {
            store.undispatch(batch.stream().map(JobStore.Dispatch::jobId).toList());
            throw e;
        }
    }

    private Channel channel() throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
            RabbitTopology.declare(channel, kinds);
            channel.confirmSelect();
        }
        return channel;
    }

    private void closeChannel() {
        try {
            if (channel != null && channel.isOpen()) channel.close();
        } catch (Exception ignored) {
            // already broken
        }
        channel = null;
    }

    @Override
    public void close() {
        running = false;
        wakeUp();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeChannel();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
