package io.toktik.core.views;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link ViewCounter} in this process's memory (one node): views are counted under a shared lock, and
 * {@link #take()} swaps the buffer under the exclusive one, so no view falls between two batches.
 */
public final class InMemoryViewCounter implements ViewCounter {
    private final Clock clock;
    private final long windowMillis;
    private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private final Map<String, ViewBatch> batches = new LinkedHashMap<>();
    private Map<UUID, LongAdder> counts = new ConcurrentHashMap<>();
    private Set<ViewBatch.Watch> watched = ConcurrentHashMap.newKeySet();

    public InMemoryViewCounter(Clock clock, Duration window) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
    }

    @Override
    public boolean record(UUID videoId, Viewer viewer) {
        long now = clock.millis();
        boolean[] fresh = {false};
        seenUntil.compute(viewer.key() + "|" + videoId, (key, until) -> {
            if (until != null && until > now) return until;
            fresh[0] = true;
            return now + windowMillis;
        });
        if (!fresh[0]) return false;
        swap.readLock().lock();
        try {
            counts.computeIfAbsent(videoId, id -> new LongAdder()).increment();
            viewer.userId().ifPresent(user -> watched.add(new ViewBatch.Watch(user, videoId)));
        } finally {
            swap.readLock().unlock();
        }
        return true;
    }

    @Override
    public ViewBatch take() {
        Map<UUID, LongAdder> taken;
        Set<ViewBatch.Watch> takenWatched;
        swap.writeLock().lock();
        try {
            taken = counts;
            takenWatched = watched;
            counts = new ConcurrentHashMap<>();
            watched = ConcurrentHashMap.newKeySet();
        } finally {
            swap.writeLock().unlock();
        }
        long now = clock.millis();
        seenUntil.values().removeIf(until -> until <= now);
        Map<UUID, Long> sums = new HashMap<>();
        taken.forEach((video, adder) -> sums.put(video, adder.sum()));
        ViewBatch batch = new ViewBatch("mem-" + UUID.randomUUID(), sums, takenWatched);
        if (!batch.isEmpty()) {
            synchronized (batches) {
                batches.put(batch.id(), batch);
            }
        }
        return batch;
    }

    @Override
    public List<ViewBatch> pending() {
        synchronized (batches) {
            return new ArrayList<>(batches.values());
        }
    }

    @Override
    public void done(ViewBatch batch) {
        synchronized (batches) {
            batches.remove(batch.id());
        }
    }
}
