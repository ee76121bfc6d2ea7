package io.toktik.server.realtime;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** One connected client: who it is, which bus topics it follows, when it was last heard from, and its {@link Outbox}. */
final class ClientSession {
    static final CloseStatus TOO_SLOW = CloseStatus.SERVICE_OVERLOAD.withReason("Too slow to keep up: reconnect and subscribe again");
    static final CloseStatus WRITE_FAILED = CloseStatus.SERVICE_OVERLOAD.withReason("Could not send to this client");

    private final WebSocketSession ws;
    private final Executor senders;
    private final Outbox outbox;
    private final BiConsumer<ClientSession, CloseStatus> onEnd;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile UUID user;
    private volatile long lastHeardAt = System.nanoTime();

    /** @param onEnd told once, on a sender thread, when the gateway ends this session (not when the client does) */
    ClientSession(WebSocketSession ws, Executor senders, long maxQueuedBytes, BiConsumer<ClientSession, CloseStatus> onEnd) {
        this.ws = ws;
        this.senders = senders;
        this.onEnd = onEnd;
        this.outbox = new Outbox(ws, senders, maxQueuedBytes, e -> end(WRITE_FAILED));
    }

    String id() {
        return ws.getId();
    }

    /** The signed-in user, or null for an anonymous client. */
    UUID user() {
        return user;
    }

    void signIn(UUID userId) {
        this.user = userId;
    }

    /** The bus topics this client follows (a live view). */
    Set<String> topics() {
        return topics;
    }

    void heard() {
        lastHeardAt = System.nanoTime();
    }

    long silentForNanos() {
        return System.nanoTime() - lastHeardAt;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Queues a frame; a client whose queue is full is ended with 1013 instead. */
    void send(WebSocketMessage<?> frame) {
        if (closed.get()) return;
        if (!outbox.offer(frame)) end(TOO_SLOW);
    }

    /**
     * Closes the connection from the server's side, once: queued frames are dropped, the close frame follows the
     * write in progress. Returns at once; {@code onEnd} is told on a sender thread, so that a caller fanning out an
     * event under a lock never takes another.
     */
    void end(CloseStatus status) {
        if (!closed.compareAndSet(false, true)) return;
        outbox.close(status);
        try {
            senders.execute(() -> onEnd.accept(this, status));
        } catch (RejectedExecutionException e) { // shutting down
            onEnd.accept(this, status);
        }
    }

    /** Records that the client or the transport closed the connection; false when it was already closed. */
    boolean markClosed() {
        boolean first = closed.compareAndSet(false, true);
        outbox.discard();
        return first;
    }
}
