package io.toktik.server.social;

import io.toktik.server.api.Caller;
import io.toktik.server.api.PathIds;
import io.toktik.core.Cursor;
import io.toktik.core.Page;
import io.toktik.core.social.Comment;
import io.toktik.core.social.CommentText;
import io.toktik.core.social.InvalidField;
import io.toktik.core.social.JdbcCommentRepository;
import io.toktik.core.social.Notifier;
import io.toktik.core.social.SocialEvents;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments, newest first, replies listed like comments with their {@code parentId}. One level of replies: replying to a
 * reply is a 400 (reply to its top-level comment instead). Text is data: stored and returned as written, HTML included.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class CommentController {
    private final VisibleVideos visible;
    private final VideoRepository videos;
    private final JdbcCommentRepository comments;
    private final SocialEvents events;
    private final Notifier notifier;

    CommentController(VisibleVideos visible, VideoRepository videos, JdbcCommentRepository comments, SocialEvents events,
                      Notifier notifier) {
        this.visible = visible;
        this.videos = videos;
        this.comments = comments;
        this.events = events;
        this.notifier = notifier;
    }

    record PostRequest(String text, String parentId) {}

    @GetMapping("/api/videos/{id}/comments")
    Page<CommentJson> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                           @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        Video video = visible.find(id, Caller.of(jwt));
        return Pages.of(comments.page(video.id(), Pages.after(cursor), Pages.checkLimit(limit) + 1), limit,
                c -> new Cursor(c.createdAt(), c.id()), CommentJson::of);
    }

    @PostMapping("/api/videos/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    CommentJson post(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody PostRequest req) {
        UUID me = Caller.required(jwt);
        Video video = visible.find(id, Optional.of(me));
        String text = CommentText.validate(req.text());
        Comment parent = req.parentId() == null ? null : parent(video, req.parentId());
        Comment comment = comments.add(video.id(), me, parent == null ? null : parent.id(), text)
                .orElseThrow(() -> ApiException.notFound(parent == null ? "Video" : "Comment"));
        events.commentCreated(comment);
        notifier.commented(video, comment, parent == null ? null : parent.author().id());
        return CommentJson.of(comment);
    }

    @DeleteMapping("/api/comments/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        UUID me = Caller.required(jwt);
        Comment comment = comments.find(PathIds.require(id, "Comment")).orElseThrow(() -> ApiException.notFound("Comment"));
        boolean videoOwner = videos.findById(comment.videoId()).map(v -> v.isOwnedBy(me)).orElse(false);
        if (!comment.author().id().equals(me) && !videoOwner) {
            throw ApiException.forbidden("Only its author or the video's owner may delete a comment.");
        }
        int deleted = comments.delete(comment.id());
        if (deleted > 0) events.commentDeleted(comment, deleted);
        return ResponseEntity.noContent().build();
    }

    /** The top-level comment of this video that a reply answers. */
    private Comment parent(Video video, String parentId) {
        Comment parent = PathIds.parse(parentId).flatMap(comments::find).filter(c -> c.videoId().equals(video.id()))
                .orElseThrow(() -> new InvalidField("parentId", "No such comment on this video."));
        if (parent.isReply()) throw new InvalidField("parentId", "Reply to the top-level comment: replies have one level.");
        return parent;
    }
}
