package io.toktik.core.video;

import io.toktik.core.Cursor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores videos and their renditions. State changes are conditional so that a re-run job cannot undo progress. */
public interface VideoRepository {

    void insert(Video video);

    Optional<Video> findById(UUID id);

    /** The videos with these ids that exist, in no particular order: one query for a page of a feed. */
    List<Video> findAllById(Collection<UUID> ids);

    /** Newest first, after {@code after} when given; {@code allStatuses} false shows only READY, PUBLIC videos. */
    List<Video> findByOwner(UUID ownerId, boolean allStatuses, Cursor after, int limit);

    void updateMetadata(UUID id, String title, String description, List<String> hashtags, Visibility visibility);

    /** UPLOADING → PROCESSING; false when the video was not waiting for its source. */
    boolean markProcessing(UUID id, long sourceBytes);

    /** Records what probing found and the ladder planned; renditions already planned are kept. */
    void recordProbe(UUID id, long durationMs, int width, int height, List<RenditionInfo> ladder);

    /**
     * Publishes a playable rendition (its first segments, or all of them when {@code rendition.complete()}); the
     * first one makes the video READY. A complete rendition stays complete: a late partial publish changes nothing.
     */
    void publishRendition(UUID id, RenditionInfo rendition);

    /** Raises progress (never lowers it) while the video is still being processed. */
    void raiseProgress(UUID id, int progress);

    void markPosterReady(UUID id);

    void markStoryboardReady(UUID id);

    /** Marks a video FAILED unless it is already playable; false when it was READY or gone. */
    boolean markFailed(UUID id, String code, String message);

    boolean delete(UUID id);

    /** How many of the owner's other videos, created before this one, are still being processed. */
    int processingAhead(UUID id);

    /** Locks the video's row until the current transaction ends; false when it is gone. */
    boolean lock(UUID id);
}
