package io.toktik.server.realtime;

import io.toktik.core.events.EventBus;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.WebSocketMessage;

/**
 * The bus topics followed on this node and the sessions following each. The node subscribes to a topic on the event
 * bus when its first local session joins and unsubscribes when the last one leaves, so it receives only what its
 * clients want, wherever the event was published.
 */
final class TopicRegistry {
    private static final Logger log = LoggerFactory.getLogger(TopicRegistry.class);

    private final EventBus bus;
    private final long coalesceNanos;
    private final ScheduledExecutorService timer;
    private final ConcurrentMap<String, LocalTopic> topics = new ConcurrentHashMap<>();

    TopicRegistry(EventBus bus, long coalesceNanos, ScheduledExecutorService timer) {
        this.bus = bus;
        this.coalesceNanos = coalesceNanos;
        this.timer = timer;
    }

    /**
     * Adds the session to the topic's followers and queues {@code ack} for it before any of the topic's events. The
     * first joiner waits while the event bus subscribes (a round trip to Redis when distributed).
     *
     * @throws RuntimeException when the event bus cannot subscribe (Redis unreachable, say); nothing changes then
     */
    void join(String topic, ClientSession session, WebSocketMessage<?> ack) {
        while (true) {
            LocalTopic local = topics.computeIfAbsent(topic, name -> new LocalTopic(name, coalesceNanos, timer));
            local.lock.lock();
            try {
                if (local.retired) continue; // its last follower just left; make a new one
                if (local.subscription == null) {
                    try {
                        local.subscription = bus.subscribe(topic, local::onEvent);
                    } catch (RuntimeException e) {
                        retire(local);
                        throw e;
                    }
                }
                local.admit(session, ack);
                return;
            } finally {
                local.lock.unlock();
            }
        }
    }

    /** Removes the session from the topic's followers; the node unsubscribes when it was the last. */
    void leave(String topic, ClientSession session) {
        LocalTopic local = topics.get(topic);
        if (local == null) return;
        local.lock.lock();
        try {
            if (local.sessions.remove(session) && local.sessions.isEmpty()) retire(local);
        } finally {
            local.lock.unlock();
        }
    }

    /** How many bus topics this node is subscribed to. */
    int topicCount() {
        return topics.size();
    }

    /** How many local sessions follow the bus topic. */
    int followers(String topic) {
        LocalTopic local = topics.get(topic);
        return local == null ? 0 : local.sessions.size();
    }

    /**
     * Unsubscribes from the bus, then lets the topic go: a joiner waiting on its lock subscribes anew only after
     * this subscription is closed, so that the bus never sees the new subscription before the old one's end.
     */
    private void retire(LocalTopic local) {
        if (local.subscription != null) {
            try {
                local.subscription.close();
            } catch (Exception e) {
                log.warn("Could not unsubscribe from {}: {}", local.name, e.toString());
            }
            local.subscription = null;
        }
        local.retired = true;
        topics.remove(local.name, local);
    }
}
