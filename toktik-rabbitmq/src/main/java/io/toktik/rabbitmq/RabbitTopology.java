package io.toktik.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * TokTik's exchanges and queues: one durable queue per job kind (so each worker deployment takes only its
 * kinds), with a priority so the job that makes a video playable overtakes the rest, and a dead-letter queue
 * per kind for jobs given up on.
 */
public final class RabbitTopology {
    static final String EXCHANGE = "toktik.jobs";
    static final String DEAD_EXCHANGE = "toktik.jobs.dead";
    static final int MAX_PRIORITY = 9;

    private RabbitTopology() {}

    public static String queue(String kind) {
        return EXCHANGE + "." + kind;
    }

    public static String deadLetterQueue(String kind) {
        return queue(kind) + ".dead";
    }

    /** Declares (idempotently) the exchanges and the queues of {@code kinds}. */
    static void declare(Channel channel, Collection<String> kinds) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.DIRECT, true);
        channel.exchangeDeclare(DEAD_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        for (String kind : kinds) {
            channel.queueDeclare(queue(kind), true, false, false,
                    Map.of("x-dead-letter-exchange", DEAD_EXCHANGE, "x-max-priority", MAX_PRIORITY));
            channel.queueBind(queue(kind), EXCHANGE, kind);
            channel.queueDeclare(deadLetterQueue(kind), true, false, false, null);
            channel.queueBind(deadLetterQueue(kind), DEAD_EXCHANGE, kind);
        }
    }

    /** TokTik priorities run lowest first (0, 10, 20, …); AMQP delivers the highest first. */
    static int amqpPriority(int toktikPriority) {
        return Math.max(0, MAX_PRIORITY - Math.max(0, toktikPriority) / 4);
    }
}
