package io.toktik.core.social;

import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who hears of what, records it and publishes it to the recipient. Nobody is notified of their own doing.
 * Best effort: the like, comment or follow that caused it is already stored, so a failure here is logged, not thrown.
 */
public final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final JdbcNotificationRepository notifications;
    private final VideoRepository videos;
    private final SocialEvents events;

    public Notifier(JdbcNotificationRepository notifications, VideoRepository videos, SocialEvents events) {
        this.notifications = notifications;
        this.videos = videos;
        this.events = events;
    }

    public void liked(Video video, UUID liker) {
        notify(video.ownerId(), NotificationType.LIKE, liker, video.id(), "");
    }

    /** The video's owner hears of a comment; of a reply, the parent's author too (once, when they are the same person). */
    public void commented(Video video, Comment comment, UUID parentAuthor) {
        UUID author = comment.author().id();
        if (parentAuthor != null) notify(parentAuthor, NotificationType.REPLY, author, video.id(), comment.text());
        if (!video.ownerId().equals(parentAuthor)) notify(video.ownerId(), NotificationType.COMMENT, author, video.id(), comment.text());
    }

    public void followed(UUID followee, UUID follower) {
        notify(followee, NotificationType.FOLLOW, follower, null, "");
    }

    /** The first rendition of the video is playable. */
    public void videoReady(UUID videoId) {
        videos.findById(videoId).ifPresent(v -> notify(v.ownerId(), NotificationType.VIDEO_READY, null, videoId, ""));
    }

    public void videoFailed(UUID videoId, String reason) {
        videos.findById(videoId).ifPresent(v -> notify(v.ownerId(), NotificationType.VIDEO_FAILED, null, videoId, reason));
    }

    private void notify(UUID recipient, NotificationType type, UUID actor, UUID videoId, String body) {
        if (recipient.equals(actor)) return;
        try {
            events.notification(notifications.record(recipient, type, actor, videoId, body));
        } catch (RuntimeException e) {
            log.warn("Could not notify {} of {} on video {}: {}", recipient, type, videoId, e.toString());
        }
    }
}
