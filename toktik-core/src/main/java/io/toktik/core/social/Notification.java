package io.toktik.core.social;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A notification as its recipient sees it: {@code actor} is the latest of {@code actorCount} people (null for
 * processing news), {@code body} a comment's text or a failure's reason.
 */
public record Notification(UUID id, UUID recipientId, NotificationType type, UserRef actor, int actorCount, UUID videoId,
                           String videoTitle, String body, boolean read, Instant createdAt) {

    /** One sentence, such as "ana and 49 others liked “Sunset”". */
    public String text() {
        String who = actor == null ? "Someone" : actor.username();
        if (actorCount == 2) who += " and 1 other";
        if (actorCount > 2) who += " and " + (actorCount - 1) + " others";
        String video = "“" + (videoTitle == null ? "your video" : videoTitle) + "”";
        return switch (type) {
            case LIKE -> who + " liked " + video;
            case COMMENT -> who + " commented on " + video + ": " + body;
            case REPLY -> who + " replied to your comment on " + video + ": " + body;
            case FOLLOW -> who + " started following you";
            case VIDEO_READY -> video + " is ready to watch";
            case VIDEO_FAILED -> video + " could not be processed: " + body;
        };
    }

    /** The notification as the API shows it: {@code {id, type, actor, videoId, actorCount, text, read, createdAt}}. */
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("type", type.name());
        data.put("actor", actor == null ? null : actor.data());
        data.put("videoId", videoId == null ? null : videoId.toString());
        data.put("actorCount", actorCount);
        data.put("text", text());
        data.put("read", read);
        data.put("createdAt", createdAt.toString());
        return data;
    }
}
