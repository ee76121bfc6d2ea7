package io.toktik.core.social;

import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import io.toktik.core.video.VideoEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Publishes likes and comments on the video's topic {@code video:<id>}, notifications on {@code user:<recipientId>}. */
public final class SocialEvents {
    private final EventBus bus;

    public SocialEvents(EventBus bus) {
        this.bus = bus;
    }

    public static String userTopic(UUID userId) {
        return "user:" + userId;
    }

    public void likes(UUID videoId, long likeCount) {
        bus.publish(new DomainEvent(VideoEvents.topic(videoId), "video.likes", Map.of("id", videoId.toString(), "likeCount", likeCount)));
    }

    public void commentCreated(Comment comment) {
        bus.publish(new DomainEvent(VideoEvents.topic(comment.videoId()), "comment.created", comment.data()));
    }

    public void commentDeleted(Comment comment, int deleted) {
        bus.publish(new DomainEvent(VideoEvents.topic(comment.videoId()), "comment.deleted",
                Map.of("id", comment.id().toString(), "videoId", comment.videoId().toString(), "deleted", deleted)));
    }

    public void notification(Notification notification) {
        Map<String, Object> data = new HashMap<>(notification.data());
        data.values().removeIf(Objects::isNull); // events carry no nulls: a missing actor or video is absent
        bus.publish(new DomainEvent(userTopic(notification.recipientId()), "notification", data));
    }
}
