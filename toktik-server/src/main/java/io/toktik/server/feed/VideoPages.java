package io.toktik.server.feed;

import io.toktik.core.Page;
import io.toktik.core.feed.RankCursor;
import io.toktik.core.feed.Ranked;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.server.api.VideoJson;
import io.toktik.server.api.VideoRenderer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns ranked ids (one more than the page holds) into a rendered page with the cursor of its last video. */
@Component
class VideoPages {
    private final VideoRepository videos;
    private final VideoRenderer renderer;

    VideoPages(VideoRepository videos, VideoRenderer renderer) {
        this.videos = videos;
        this.renderer = renderer;
    }

    Page<VideoJson> page(List<Ranked> found, int limit, String order, Optional<UUID> caller) {
        List<Ranked> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? new RankCursor(order, page.getLast().key(), page.getLast().id()).encode() : null;
        // A video deleted between the two queries is left out rather than failing the page.
        List<Video> loaded = page.stream().map(r -> videos.findById(r.id())).flatMap(Optional::stream).toList();
        return new Page<>(renderer.render(loaded, caller), next);
    }
}
