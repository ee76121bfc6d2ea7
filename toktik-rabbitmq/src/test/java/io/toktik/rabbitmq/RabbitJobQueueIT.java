package io.toktik.rabbitmq;

import com.rabbitmq.client.Connection;
import io.toktik.core.queue.JobExecutor;
import io.toktik.core.queue.JobStore;
import io.toktik.tests.JobQueueContract;
import io.toktik.tests.RealServers;
import io.toktik.tests.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The RabbitMQ queue (outbox relay + consumers) passes the job-queue contract against the real broker and database. */
class RabbitJobQueueIT extends JobQueueContract {
    static final String URL = "amqp://guest:guest@127.0.0.1:5672";
    private static Connection connection;
    private OutboxRelay relay;

    @BeforeAll
    static void connect() throws Exception {
        RealServers.require("RabbitMQ", "127.0.0.1", 5672);
        connection = RabbitConnections.open(URL, "toktik-test");
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (connection != null) connection.close();
    }

    @Override
    protected JdbcClient database() {
        return TestDatabase.server();
    }

    @Override
    protected AutoCloseable startWorker(JobStore store, JobExecutor executor) throws Exception {
        relay = new OutboxRelay(store, connection, executor.kinds(), Duration.ofSeconds(2));
        relay.start();
        RabbitJobWorker worker = new RabbitJobWorker(connection, store, executor, 2, Duration.ofSeconds(5));
        worker.start();
        return () -> {
            worker.close();
            relay.close();
            deleteQueues(executor);
        };
    }

    @Override
    protected void enqueued() {
        if (relay != null) relay.wakeUp();
    }

    /** Each test uses its own job kind: remove its queues afterwards. */
    private static void deleteQueues(JobExecutor executor) throws Exception {
        try (var channel = connection.createChannel()) {
            for (String kind : executor.kinds()) {
                channel.queueDelete(RabbitTopology.queue(kind));
                channel.queueDelete(RabbitTopology.deadLetterQueue(kind));
            }
        }
    }
}
