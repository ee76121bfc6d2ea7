package io.toktik.server.realtime;

import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps the topics clients name onto event-bus topics and decides who may follow them: {@code video:<id>} as the
 * video's page is visible (private or unfinished videos to their owner only), {@code user:me} to the signed-in user.
 */
final class TopicAccess {
    static final String USER_ME = "user:me";
    private static final String VIDEO = "video:";
    private static final String USER = "user:";

    private final VideoRepository videos;

    TopicAccess(VideoRepository videos) {
        this.videos = videos;
    }

    /** @return the bus topic behind {@code topic}, when {@code user} (null: anonymous) may follow it */
    String authorize(String topic, UUID user) throws RefusedRequest {
        String busTopic = busTopic(topic, user);
        if (busTopic.startsWith(VIDEO)) {
            UUID id = UUID.fromString(busTopic.substring(VIDEO.length()));
            if (videos.findById(id).filter(video -> video.isVisibleTo(Optional.ofNullable(user))).isEmpty()) {
                throw new RefusedRequest("No such video"); // as the API answers 404 for a video that is not yours
            }
        }
        return busTopic;
    }

    /** The bus topic behind a topic as a client names it, without checking access. */
    static String busTopic(String topic, UUID user) throws RefusedRequest {
        if (topic.equals(USER_ME)) {
            if (user == null) throw new RefusedRequest("Sign in to follow user:me: connect with ?access_token= or send {\"op\":\"auth\",\"token\":…}");
            return USER + user;
        }
        if (topic.startsWith(VIDEO)) {
            return videoId(topic.substring(VIDEO.length()))
                    .map(VideoEvents::topic)
                    .orElseThrow(() -> new RefusedRequest("No such video"));
        }
        throw new RefusedRequest("Unknown topic: follow video:<id> or user:me");
    }

    /** The topic as the client knows it: a user follows their own events as {@code user:me}. */
    static String clientTopic(String busTopic) {
        return busTopic.startsWith(USER) ? USER_ME : busTopic;
    }

    private static Optional<UUID> videoId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
