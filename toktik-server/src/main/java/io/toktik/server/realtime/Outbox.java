package io.toktik.server.realtime;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Frames waiting to be written to one client, bounded in size. Offering never blocks: one task at a time (on
 * {@code senders}) writes the queue out, so a slow client holds up only its own frames. The close frame goes the
 * same way, after the write in progress, so that a client that catches up still learns why it was closed.
 */
final class Outbox {
    private final WebSocketSession ws;
    private final Executor senders;
    private final long maxBytes;
    private final Consumer<Exception> onWriteFailure;
    private final Queue<WebSocketMessage<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile CloseStatus closing;

    /** @param onWriteFailure told when a write fails (the connection broke, or stayed full past the send timeout) */
    Outbox(WebSocketSession ws, Executor senders, long maxBytes, Consumer<Exception> onWriteFailure) {
        this.ws = ws;
        this.senders = senders;
        this.maxBytes = maxBytes;
        this.onWriteFailure = onWriteFailure;
    }

    /** @return false, queueing nothing, when the frame would take the queue over its limit */
    boolean offer(WebSocketMessage<?> frame) {
        long size = size(frame);
        if (queuedBytes.addAndGet(size) > maxBytes) {
            queuedBytes.addAndGet(-size);
            return false;
        }
        queue.add(frame);
        startWriting();
        return true;
    }

    /** Drops what is queued and closes the connection once the write in progress, if any, is done. */
    void close(CloseStatus status) {
        closing = status;
        discard();
        startWriting();
    }

    /** Drops whatever is still queued (the client is gone). */
    void discard() {
        queue.clear();
        queuedBytes.set(0);
    }

    private void startWriting() {
        if (!writing.compareAndSet(false, true)) return; // the task writing now will see it
        try {
            senders.execute(this::writeAll);
        } catch (RejectedExecutionException e) { // shutting down
            writing.set(false);
        }
    }

    private void writeAll() {
        do {
            WebSocketMessage<?> frame;
            while (closing == null && (frame = queue.poll()) != null) {
                try {
                    ws.sendMessage(frame); // blocks while the client's socket is full, up to the send timeout
                } catch (IOException | RuntimeException e) {
                    discard();
                    writing.set(false);
                    onWriteFailure.accept(e);
                    return;
                } finally {
                    queuedBytes.addAndGet(-size(frame));
                }
            }
            if (closing != null) {
                closeQuietly(closing);
                return; // writing stays true: nothing is written after the close frame
            }
            writing.set(false);
        } while ((!queue.isEmpty() || closing != null) && writing.compareAndSet(false, true)); // offered while stopping
    }

    private void closeQuietly(CloseStatus status) {
        discard();
        try {
            ws.close(status);
        } catch (IOException | RuntimeException e) {
            // the connection is gone either way
        }
    }

    /** Characters rather than UTF-8 bytes for text: counting bytes would encode every frame once per client. */
    private static long size(WebSocketMessage<?> frame) {
        return frame instanceof TextMessage text ? text.getPayload().length() : frame.getPayloadLength();
    }
}
