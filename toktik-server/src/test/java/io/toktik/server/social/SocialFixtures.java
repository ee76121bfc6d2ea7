package io.toktik.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.VideoRepository;
import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** People and videos for the social tests; a video is made READY through the repository, without transcoding. */
abstract class SocialFixtures extends ServerIT {
    @Autowired
    VideoRepository videos;

    /** A signed-in user: their token, id and username. */
    record Person(String token, String id, String username) {}

    Person person(String prefix) {
        String token = api.newUser(prefix);
        JsonNode me = api.get("/api/me", token).json();
        return new Person(token, me.get("id").asString(), me.get("username").asString());
    }

    /** A READY video of {@code owner} with this visibility: its id. */
    String readyVideo(Person owner, String visibility) {
        String id = draft(owner, visibility);
        UUID videoId = UUID.fromString(id);
        videos.markProcessing(videoId, 1);
        RenditionInfo r = new RenditionInfo("240p", 426, 240, 400_000, 300_000, "avc1.4d401e,mp4a.40.2", 30.0, true);
        videos.recordProbe(videoId, 1_000, 426, 240, List.of(r));
        videos.publishRendition(videoId, r);
        return id;
    }

    /** A video that is still waiting for its file: only its owner sees it. */
    String draft(Person owner, String visibility) {
        TestApi.Response r = api.post("/api/videos", owner.token(), Map.of("title", "Clip " + owner.username(), "visibility", visibility));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    TestApi.Response put(String path, String token) {
        return api.putBytes(path, token, new byte[0]);
    }

    TestApi.Response comment(String videoId, Person author, String text) {
        return api.post("/api/videos/" + videoId + "/comments", author.token(), Map.of("text", text));
    }

    TestApi.Response reply(String videoId, Person author, String parentId, String text) {
        return api.post("/api/videos/" + videoId + "/comments", author.token(), Map.of("text", text, "parentId", parentId));
    }

    JsonNode video(String id, String token) {
        return api.get("/api/videos/" + id, token).json();
    }

    JsonNode notifications(Person p) {
        TestApi.Response r = api.get("/api/notifications", p.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
