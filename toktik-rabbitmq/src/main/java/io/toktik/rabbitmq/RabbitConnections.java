package io.toktik.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Opens a connection that recovers by itself (and re-creates its consumers) when the broker comes back. */
public final class RabbitConnections {
    private RabbitConnections() {}

    /** @param url e.g. {@code amqp://guest:guest@127.0.0.1:5672/} */
    public static Connection open(String url, String name) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(url);
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid TOKTIK_RABBITMQ_URL: " + e.getMessage(), e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setRequestedHeartbeat(10);
        factory.setConnectionTimeout(5000);
        return factory.newConnection(name);
    }
}
