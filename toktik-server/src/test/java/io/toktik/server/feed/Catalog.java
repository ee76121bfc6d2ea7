package io.toktik.server.feed;

import io.toktik.core.video.Hashtags;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import io.toktik.server.TestApi;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts videos straight into the database (no upload, no transcoding) in any state, published when the test says. */
final class Catalog {
    private final VideoRepository videos;
    private final JdbcClient jdbc;
    private final TestApi api;

    Catalog(VideoRepository videos, JdbcClient jdbc, TestApi api) {
        this.videos = videos;
        this.jdbc = jdbc;
        this.api = api;
    }

    /** A signed-up user: their id, username and token. */
    record Member(UUID id, String username, String token) {}

    Member member(String prefix) {
        String token = api.newUser(prefix);
        var me = api.get("/api/me", token).json();
        return new Member(UUID.fromString(me.get("id").asString()), me.get("username").asString(), token);
    }

    UUID ready(Member owner, String title, Instant publishedAt) {
        return video(owner, title, "", Visibility.PUBLIC, VideoStatus.READY, publishedAt, 60_000L);
    }

    UUID video(Member owner, String title, String description, Visibility visibility, VideoStatus status,
               Instant publishedAt, Long durationMs) {
        UUID id = UUID.randomUUID();
        videos.insert(new Video(id, owner.id(), title, description, Hashtags.parse(title, description), visibility,
                VideoStatus.UPLOADING, 0, null, null, null, null, false, false, List.of(), Video.Counts.NONE,
                Instant.now(), null));
        jdbc.sql("update videos set status = ?, published_at = ?, duration_ms = ? where id = ?")
                .params(status.name(), publishedAt == null ? null : Timestamp.from(publishedAt), durationMs, id).update();
        return id;
    }

    void counts(UUID video, long views, long likes, long comments) {
        jdbc.sql("update videos set view_count = ?, like_count = ?, comment_count = ? where id = ?")
                .params(views, likes, comments, video).update();
    }

    void follow(Member follower, Member followee) {
        jdbc.sql("insert into follows (follower_id, followee_id) values (?, ?)").params(follower.id(), followee.id()).update();
    }

    long viewCount(UUID video) {
        return jdbc.sql("select view_count from videos where id = ?").param(video).query(Long.class).single();
    }
}
