package io.toktik.server.api;

import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Finds a video named in a request for the caller: 404 unless they may see it, 403 unless they own it. */
@Component
public final class OwnedVideos {
    private final VideoRepository videos;

    OwnedVideos(VideoRepository videos) {
        this.videos = videos;
    }

    /** The video if the caller may see it: READY and not private, or their own. Otherwise 404, never 403. */
    public Video visible(Jwt jwt, String id) {
        Video video = PathIds.parse(id).flatMap(videos::findById).orElseThrow(() -> ApiException.notFound("Video"));
        if (video.isVisibleTo(Caller.of(jwt))) return video;
        throw ApiException.notFound("Video");
    }

    /** The caller's own video; 401 without a caller, 404 when they cannot see it, 403 when it is someone else's. */
    public Video owned(Jwt jwt, String id) {
        UUID caller = Caller.required(jwt);
        Video video = visible(jwt, id);
        if (!video.isOwnedBy(caller)) throw ApiException.forbidden("Only the owner of this video may change it.");
        return video;
    }
}
