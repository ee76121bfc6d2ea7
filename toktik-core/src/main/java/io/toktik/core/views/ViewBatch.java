package io.toktik.core.views;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Views taken out of a {@link ViewCounter}'s buffer in one go: counts per video, and which signed-in users watched
 * what. Its {@code id} is unique; a store applies a batch id at most once.
 */
public record ViewBatch(String id, Map<UUID, Long> counts, Set<Watch> watched) {
    public ViewBatch {
        counts = Map.copyOf(counts);
        watched = Set.copyOf(watched);
    }

    public boolean isEmpty() {
        return counts.isEmpty() && watched.isEmpty();
    }

    /** A counted view by a signed-in user. */
    public record Watch(UUID userId, UUID videoId) {}
}
