package io.toktik.server.realtime;

import io.toktik.core.events.DomainEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import tools.jackson.core.JacksonException;

/** One bus topic followed on this node: its sessions, its event-bus subscription, and its {@link Coalescer}. */
final class LocalTopic {
    private static final Logger log = LoggerFactory.getLogger(LocalTopic.class);

    final String name;
    /** Held while sessions join or leave and while the bus subscription opens or closes. */
    final ReentrantLock lock = new ReentrantLock();
    final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    /** The bus subscription; set and cleared under {@link #lock}. */
    AutoCloseable subscription;
    /** Set (under {@link #lock}) once the topic is left by its last session: a joiner must make a new one. */
    boolean retired;

    private final String clientTopic;
    private final Coalescer coalescer;

    LocalTopic(String name, long coalesceNanos, ScheduledExecutorService timer) {
        this.name = name;
        this.clientTopic = TopicAccess.clientTopic(name);
        this.coalescer = new Coalescer(coalesceNanos, timer, this::broadcast);
    }

    /**
     * Adds a follower and queues {@code ack} for it, with no event in between: its ack comes before any event of the
     * topic, and every event passed on after the ack reaches it.
     */
    void admit(ClientSession session, WebSocketMessage<?> ack) {
        coalescer.between(() -> {
            sessions.add(session);
            session.send(ack);
        });
    }

    /** The event-bus listener: never blocks (frames are only queued). */
    void onEvent(DomainEvent event) {
        coalescer.offer(event);
    }

    /** Writes the frame once and queues it for every session here. */
    private void broadcast(DomainEvent event) {
        if (sessions.isEmpty()) return;
        TextMessage frame;
        try {
            frame = Frames.event(clientTopic, event);
        } catch (JacksonException e) {
            log.warn("Dropped {} on {}: its data cannot be written as JSON: {}", event.type(), name, e.getOriginalMessage());
            return;
        }
        for (ClientSession session : sessions) {
            session.send(frame);
        }
    }
}
