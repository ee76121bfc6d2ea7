package io.toktik.server.delivery;

import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.Visibility;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each video's visibility, as delivery checks it on every media request: remembered for a few seconds, so a
 * player fetching segments costs one database read per video per {@link #TTL_NANOS}, and a change of visibility
 * takes effect within that time.
 */
@Component
class VideoVisibilities {
    static final long TTL_NANOS = 5_000_000_000L;
    /** Beyond this many videos the memory is cleared rather than grown. */
    private static final int MAX_ENTRIES = 50_000;

    private final VideoRepository videos;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    VideoVisibilities(VideoRepository videos) {
        this.videos = videos;
    }

    /** The video's visibility, or empty when there is no such video. */
    Optional<Visibility> of(UUID videoId) {
        long now = System.nanoTime();
        Entry e = entries.get(videoId);
        if (e == null || now - e.loadedAt > TTL_NANOS) {
            if (entries.size() >= MAX_ENTRIES) entries.clear();
            e = new Entry(videos.findById(videoId).map(v -> v.visibility()).orElse(null), now);
            entries.put(videoId, e);
        }
        return Optional.ofNullable(e.visibility);
    }

    private record Entry(Visibility visibility, long loadedAt) {}
}
