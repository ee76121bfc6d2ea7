package io.toktik.server.api;

import io.toktik.core.Cursor;
import io.toktik.core.Page;
import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoService;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.TokTikProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Videos: create a draft, upload its source, read, edit, delete, list a user's. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class VideoController {
    private final VideoService service;
    private final VideoRepository videos;
    private final UserRepository users;
    private final VideoRenderer renderer;
    private final OwnedVideos access;
    private final long maxUploadBytes;

    VideoController(VideoService service, VideoRepository videos, UserRepository users, VideoRenderer renderer,
                    OwnedVideos access, TokTikProperties props) {
        this.service = service;
        this.videos = videos;
        this.users = users;
        this.renderer = renderer;
        this.access = access;
        this.maxUploadBytes = props.upload().maxBytes();
    }

    record CreateRequest(
            @NotBlank(message = "Give the video a title.") @Size(max = 100, message = "At most 100 characters.") String title,
            @Size(max = 5000, message = "At most 5000 characters.") String description,
            Visibility visibility) {}

    record UpdateRequest(
            @Size(min = 1, max = 100, message = "1 to 100 characters.") String title,
            @Size(max = 5000, message = "At most 5000 characters.") String description,
            Visibility visibility) {}

    @PostMapping("/api/videos")
    @ResponseStatus(HttpStatus.CREATED)
    VideoJson create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateRequest req) {
        User owner = user(Caller.required(jwt));
        if (req.title().isBlank()) throw ApiException.badRequest("Give the video a title.");
        Video video = service.create(owner.id(), req.title().strip(), req.description() == null ? "" : req.description(),
                req.visibility() == null ? Visibility.PUBLIC : req.visibility());
        return renderer.render(video, Optional.of(owner.id()))
                .withUpload(new VideoJson.Upload("/api/uploads", "/api/videos/" + video.id() + "/source"));
    }

    @PutMapping("/api/videos/{id}/source")
    ResponseEntity<VideoJson> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, HttpServletRequest request)
            throws IOException {
        Video video = access.owned(jwt, id);
        if (video.status() != VideoStatus.UPLOADING) {
            throw ApiException.conflict("This video already has its file (status " + video.status() + ").");
        }
        long declared = request.getContentLengthLong();
        if (declared > maxUploadBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than the limit of " + Sizes.human(maxUploadBytes) + ".");
        }
        if (declared == 0) throw ApiException.badRequest("The file is empty.");
        if (!service.receiveSource(video.id(), request.getInputStream(), maxUploadBytes)) {
            throw ApiException.conflict("This video already has its file.");
        }
        return ResponseEntity.accepted().body(renderer.render(reload(video.id()), Caller.of(jwt)));
    }

    @GetMapping("/api/videos/{id}")
    VideoJson get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return renderer.render(access.visible(jwt, id), Caller.of(jwt));
    }

    @PatchMapping("/api/videos/{id}")
    VideoJson update(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody UpdateRequest req) {
        Video video = access.owned(jwt, id);
        if (req.title() != null && req.title().isBlank()) throw ApiException.badRequest("Give the video a title.");
        service.updateMetadata(video, req.title() == null ? null : req.title().strip(), req.description(), req.visibility());
        return renderer.render(reload(video.id()), Caller.of(jwt));
    }

    @DeleteMapping("/api/videos/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) throws IOException {
        service.delete(access.owned(jwt, id).id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{username}/videos")
    Page<VideoJson> byUser(@AuthenticationPrincipal Jwt jwt, @PathVariable String username,
                           @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        PageLimits.check(limit);
        User owner = users.findByUsername(username).orElseThrow(() -> ApiException.notFound("User"));
        boolean self = Caller.of(jwt).map(owner.id()::equals).orElse(false);
        List<Video> found = videos.findByOwner(owner.id(), self, cursor == null ? null : Cursor.decode(cursor), limit + 1);
        List<Video> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? new Cursor(page.getLast().createdAt(), page.getLast().id()).encode() : null;
        return new Page<>(renderer.render(page, Caller.of(jwt)), next);
    }

    private Video reload(UUID id) {
        return videos.findById(id).orElseThrow(() -> ApiException.notFound("Video"));
    }

    private User user(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiException.unauthorized("The account is gone."));
    }
}
