package io.toktik.core.video;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A video as stored: metadata, processing state and the renditions planned for it. */
public record Video(
        UUID id,
        UUID ownerId,
        String title,
        String description,
        List<String> hashtags,
        Visibility visibility,
        VideoStatus status,
        int progress,
        VideoError error,
        Long durationMs,
        Integer width,
        Integer height,
        boolean hasPoster,
        boolean hasStoryboard,
        List<RenditionInfo> renditions,
        Counts counts,
        Instant createdAt,
        Instant publishedAt) {

    public Video {
        hashtags = List.copyOf(hashtags);
        renditions = List.copyOf(renditions);
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }

    /** Who may see it: its owner always; anyone else once it is READY, unless it is PRIVATE. */
    public boolean isVisibleTo(Optional<UUID> viewer) {
        return viewer.map(this::isOwnedBy).orElse(false) || (status == VideoStatus.READY && visibility != Visibility.PRIVATE);
    }

    /** Renditions that can be played (in the master playlist), lowest first; some may still be growing. */
    public List<RenditionInfo> readyRenditions() {
        return renditions.stream().filter(RenditionInfo::ready).toList();
    }

    /** How many times it was watched, liked and commented on. */
    public record Counts(long views, long likes, long comments) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /** Why processing failed, in words a person understands. */
    public record VideoError(String code, String message) {}
}
