package io.toktik.server.cluster;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.toktik.core.video.VideoJobs;
import io.toktik.rabbitmq.RabbitConnections;
import io.toktik.rabbitmq.RabbitTopology;

/** Empties TokTik's job queues, so messages left by an earlier run (for another database) do not interfere. */
final class Queues {
    private Queues() {}

    static void purge(String url) throws Exception {
        try (Connection connection = RabbitConnections.open(url, "toktik-cluster-test")) {
            for (String kind : VideoJobs.KINDS) {
                for (String queue : new String[] {RabbitTopology.queue(kind), RabbitTopology.deadLetterQueue(kind)}) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queuePurge(queue);
                    } catch (java.io.IOException notDeclaredYet) {
                        // nothing to purge
                    }
                }
            }
        }
    }
}
