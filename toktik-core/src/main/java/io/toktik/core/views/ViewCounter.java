package io.toktik.core.views;

import java.util.List;
import java.util.UUID;

/**
 * Buffers views between the API and the database. {@link #record} is cheap and safe from many threads and nodes;
 * a flusher moves the buffer to the database in batches:
 * <ol>
 *   <li>{@link #take()} moves everything buffered so far into a new batch, atomically: a view recorded meanwhile
 *       goes into this batch or a later one, never both, never neither;
 *   <li>the batch is applied to the database, at most once per batch id;
 *   <li>{@link #done} forgets it. A batch not yet done (its node died) is returned by {@link #pending()}, on any
 *       node, so that it is applied in the end.
 * </ol>
 */
public interface ViewCounter {

    /**
     * Counts a view of {@code videoId} by {@code viewer} unless they were counted within the window.
     *
     * @return true when counted
     */
    boolean record(UUID videoId, Viewer viewer);

    /** Takes what is buffered as a new batch; an empty batch when nothing is. */
    ViewBatch take();

    /** Batches taken and not yet done, this node's and others'. */
    List<ViewBatch> pending();

    /** Forgets a batch once it is applied. */
    void done(ViewBatch batch);
}
