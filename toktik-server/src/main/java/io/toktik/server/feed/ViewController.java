package io.toktik.server.feed;

import io.toktik.server.api.Caller;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import io.toktik.core.views.ViewCounter;
import io.toktik.core.views.ViewPolicy;
import io.toktik.core.views.Viewer;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/videos/{id}/views {watchedMs}} → 202 {@code {counted}}: a view counts per {@link ViewPolicy},
 * for the signed-in user, else the {@code X-Viewer-Id} the client keeps, else the client's address. Counts reach
 * the video within seconds (see {@code ViewFlusher}).
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class ViewController {
    static final String VIEWER_HEADER = "X-Viewer-Id";

    private final VideoRepository videos;
    private final ViewCounter counter;

    ViewController(VideoRepository videos, ViewCounter counter) {
        this.videos = videos;
        this.counter = counter;
    }

    record ViewRequest(@NotNull(message = "Say how long was watched.") @PositiveOrZero(message = "At least 0.") Long watchedMs) {}

    record ViewResult(boolean counted) {}

    @PostMapping("/api/videos/{id}/views")
    ResponseEntity<ViewResult> view(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                    @Valid @RequestBody ViewRequest req, HttpServletRequest request) {
        Optional<UUID> caller = Caller.of(jwt);
        Video video = watchable(id, caller);
        boolean counted = ViewPolicy.watchedEnough(req.watchedMs(), video.durationMs())
                && counter.record(video.id(), viewer(caller, request));
        return ResponseEntity.accepted().body(new ViewResult(counted));
    }

    private Video watchable(String id, Optional<UUID> caller) {
        Optional<Video> found;
        try {
            found = videos.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        return found.filter(v -> v.status() == VideoStatus.READY)
                .filter(v -> v.visibility() != Visibility.PRIVATE || caller.map(v::isOwnedBy).orElse(false))
                .orElseThrow(() -> ApiException.notFound("Video"));
    }

    private static Viewer viewer(Optional<UUID> caller, HttpServletRequest request) {
        if (caller.isPresent()) return Viewer.user(caller.get());
        String anonymous = request.getHeader(VIEWER_HEADER);
        if (anonymous != null && !anonymous.isBlank()) return Viewer.anonymous(anonymous);
        return Viewer.address(request.getRemoteAddr());
    }
}
