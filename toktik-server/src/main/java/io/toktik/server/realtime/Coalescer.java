package io.toktik.server.realtime;

import io.toktik.core.events.DomainEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Passes one topic's events on in order, except that of each high-frequency type ({@code video.progress},
 * {@code video.views}, {@code video.likes}) at most one per interval goes out, carrying the latest value: the first
 * after a quiet interval at once, later ones when the interval ends. Any other event first sends what is waiting, so
 * that a client never sees {@code video.ready} before the progress that came before it.
 */
final class Coalescer {
    static final Set<String> COALESCED_TYPES = Set.of("video.progress", "video.views", "video.likes");

    private final long intervalNanos;
    private final ScheduledExecutorService timer;
    private final Consumer<DomainEvent> out;
    private final Map<String, Slot> slots = new HashMap<>(4); // by type, guarded by this

    Coalescer(long intervalNanos, ScheduledExecutorService timer, Consumer<DomainEvent> out) {
        this.intervalNanos = intervalNanos;
        this.timer = timer;
        this.out = out;
    }

    synchronized void offer(DomainEvent event) {
        if (!COALESCED_TYPES.contains(event.type())) {
            slots.values().forEach(this::sendWaiting);
            out.accept(event);
            return;
        }
        Slot slot = slots.computeIfAbsent(event.type(), type -> new Slot(System.nanoTime() - intervalNanos));
        long now = System.nanoTime();
        if (slot.waiting == null && !slot.flushScheduled && now - slot.lastSentAt >= intervalNanos) {
            slot.lastSentAt = now;
            out.accept(event);
            return;
        }
        slot.waiting = event; // replaces an older value nobody has seen yet
        if (!slot.flushScheduled) {
            slot.flushScheduled = true;
            timer.schedule(() -> flush(slot), Math.max(0, slot.lastSentAt + intervalNanos - now), TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the action between two events: none is passed on while it runs. */
    synchronized void between(Runnable action) {
        action.run();
    }

    private synchronized void flush(Slot slot) {
        slot.flushScheduled = false;
        sendWaiting(slot);
    }

    private void sendWaiting(Slot slot) {
        if (slot.waiting == null) return;
        DomainEvent event = slot.waiting;
        slot.waiting = null;
        slot.lastSentAt = System.nanoTime();
        out.accept(event);
    }

    /** The state of one coalesced type. */
    private static final class Slot {
        long lastSentAt;
        DomainEvent waiting;
        boolean flushScheduled;

        Slot(long lastSentAt) {
            this.lastSentAt = lastSentAt;
        }
    }
}
