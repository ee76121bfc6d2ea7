package io.toktik.server.social;

import io.toktik.server.api.PathIds;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Finds a video the caller may see, as {@code GET /api/videos/{id}} does: READY and not private, or their own; else 404. */
@Component
@ConditionalOnRole(ConditionalOnRole.API)
class VisibleVideos {
    private final VideoRepository videos;

    VisibleVideos(VideoRepository videos) {
        this.videos = videos;
    }

    Video find(String id, Optional<UUID> caller) {
        Video video = videos.findById(PathIds.require(id, "Video")).orElseThrow(() -> ApiException.notFound("Video"));
        if (video.isVisibleTo(caller)) return video;
        throw ApiException.notFound("Video");
    }
}
