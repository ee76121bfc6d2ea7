package io.toktik.server.feed;

import io.toktik.core.Page;
import io.toktik.core.feed.RankCursor;
import io.toktik.core.feed.Ranked;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.server.api.VideoJson;
import io.toktik.server.api.VideoRenderer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
        // One query for the page, put back in ranked order; a video deleted between the two queries is left out.
        Map<UUID, Video> byId = videos.findAllById(page.stream().map(Ranked::id).toList()).stream()
                .collect(Collectors.toMap(Video::id, Function.identity()));
        List<Video> loaded = page.stream().map(r -> byId.get(r.id())).filter(Objects::nonNull).toList();
        return new Page<>(renderer.render(loaded, caller), next);
    }
}
