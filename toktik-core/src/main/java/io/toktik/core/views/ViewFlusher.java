package io.toktik.core.views;

import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import io.toktik.core.video.VideoEvents;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Moves buffered views into the database, then publishes {@code video.views {viewCount}} for each video raised. */
public final class ViewFlusher {
    private static final Logger log = LoggerFactory.getLogger(ViewFlusher.class);
    /** Applied batch ids are kept a day; they are cleared every this many flushes. */
    private static final int FORGET_EVERY = 500;

    private final ViewCounter counter;
    private final ViewStore store;
    private final TransactionTemplate tx;
    private final EventBus events;
    private int flushes;

    public ViewFlusher(ViewCounter counter, ViewStore store, TransactionTemplate tx, EventBus events) {
        this.counter = counter;
        this.store = store;
        this.tx = tx;
        this.events = events;
    }

    /** Applies every pending batch (this node's new one and any a dead node left); safe to run on every node, from one thread. */
    public void flush() {
        counter.take();
        for (ViewBatch batch : counter.pending()) {
            try {
                apply(batch);
            } catch (RuntimeException e) { // stays pending and is tried again; other batches go on
                log.warn("Could not apply views batch {}: {}", batch.id(), e.toString());
            }
        }
        if (++flushes % FORGET_EVERY == 0) store.forgetOldBatches();
    }

    private void apply(ViewBatch batch) {
        Map<UUID, Long> totals = tx.execute(status -> store.apply(batch));
        counter.done(batch);
        totals.forEach((video, views) -> events.publish(new DomainEvent(VideoEvents.topic(video), "video.views",
                Map.of("id", video.toString(), "viewCount", views))));
    }
}
