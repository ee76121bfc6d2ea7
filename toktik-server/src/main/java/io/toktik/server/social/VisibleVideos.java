package io.toktik.server.social;

import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
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
        Video video = videos.findById(Callers.id(id, "Video")).orElseThrow(() -> ApiException.notFound("Video"));
        boolean own = caller.map(video::isOwnedBy).orElse(false);
        if (own || (video.status() == VideoStatus.READY && video.visibility() != Visibility.PRIVATE)) return video;
        throw ApiException.notFound("Video");
    }
}
