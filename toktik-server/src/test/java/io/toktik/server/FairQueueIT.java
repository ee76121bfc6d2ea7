package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.tests.TestClips;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Per-user fairness of the embedded queue: a user's pile of uploads does not hold back another user's first video. */
class FairQueueIT extends ServerIT {

    @Test
    void anotherUsersFirstVideo_isPlayableBeforeMostOfOneUsersTenQueuedVideos() {
        TestClips clips = Playback.clips();
        Path clip = clips.mpeg4Part2(); // one rendition: each video is a few short jobs
        String busy = api.newUser("busy");
        String other = api.newUser("other");
        List<String> piled = new ArrayList<>();
        for (int i = 0; i < 10; i++) piled.add(draft(busy));
        String first = draft(other);
        for (String id : piled) upload(busy, id, clip);
        upload(other, first, clip);

        Instant otherReady = publishedAt(api.uploadedAndComplete(first, other));
        long later = piled.stream().map(id -> publishedAt(api.uploadedAndComplete(id, busy)))
                .filter(t -> t.isAfter(otherReady)).count();
        assertThat(later).as("of the busy user's 10 videos, playable after the other user's first").isGreaterThanOrEqualTo(7);
    }

    private String draft(String token) {
        return api.post("/api/videos", token, Map.of("title", "queued")).json().get("id").asString();
    }

    private void upload(String token, String id, Path clip) {
        assertThat(api.putFile("/api/videos/" + id + "/source", token, clip).status()).isEqualTo(202);
    }

    private static Instant publishedAt(JsonNode video) {
        assertThat(video.get("status").asString()).isEqualTo("READY");
        return Instant.parse(video.get("publishedAt").asString());
    }
}
