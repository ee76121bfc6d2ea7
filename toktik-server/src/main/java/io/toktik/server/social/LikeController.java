package io.toktik.server.social;

import io.toktik.server.api.Caller;
import io.toktik.core.social.JdbcLikeRepository;
import io.toktik.core.social.LikeState;
import io.toktik.core.social.Notifier;
import io.toktik.core.social.SocialEvents;
import io.toktik.core.video.Video;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Likes of videos the caller may see; idempotent, and only a change counts, publishes and notifies. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class LikeController {
    private final VisibleVideos videos;
    private final JdbcLikeRepository likes;
    private final SocialEvents events;
    private final Notifier notifier;

    LikeController(VisibleVideos videos, JdbcLikeRepository likes, SocialEvents events, Notifier notifier) {
        this.videos = videos;
        this.likes = likes;
        this.events = events;
        this.notifier = notifier;
    }

    record LikeJson(boolean liked, long likeCount) {}

    @PutMapping("/api/videos/{id}/like")
    LikeJson like(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        UUID me = Caller.required(jwt);
        Video video = videos.find(id, Optional.of(me));
        LikeState state = publishIfChanged(video, likes.like(video.id(), me));
        if (state.changed()) notifier.liked(video, me);
        return new LikeJson(state.liked(), state.likeCount());
    }

    @DeleteMapping("/api/videos/{id}/like")
    LikeJson unlike(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        UUID me = Caller.required(jwt);
        Video video = videos.find(id, Optional.of(me));
        LikeState state = publishIfChanged(video, likes.unlike(video.id(), me));
        return new LikeJson(state.liked(), state.likeCount());
    }

    private LikeState publishIfChanged(Video video, Optional<LikeState> result) {
        LikeState state = result.orElseThrow(() -> ApiException.notFound("Video"));
        if (state.changed()) events.likes(video.id(), state.likeCount());
        return state;
    }
}
