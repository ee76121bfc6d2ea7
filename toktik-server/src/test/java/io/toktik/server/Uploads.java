package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Creates videos, uploads clips to them and waits for the pipeline, over the public API. */
final class Uploads {
    private final TestApi api;

    Uploads(TestApi api) {
        this.api = api;
    }

    JsonNode create(String token, String visibility) {
        TestApi.Response r = api.post("/api/videos", token, Map.of("title", "clip", "visibility", visibility));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** Uploads {@code clip} to the draft, then polls the video until {@code done} holds; FAILED fails the test. */
    JsonNode upload(JsonNode draft, String token, Path clip, Predicate<JsonNode> done) throws InterruptedException {
        String id = draft.get("id").asString();
        assertThat(api.putFile("/api/videos/" + id + "/source", token, clip).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode video;
        do {
            video = api.get("/api/videos/" + id, token).json();
            assertThat(video.get("status").asString()).as(String.valueOf(video.get("error"))).isNotEqualTo("FAILED");
            if (done.test(video)) return video;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("video never reached the expected state: " + video);
    }

    /** READY with every rendition published. */
    static boolean complete(JsonNode video) {
        return video.get("status").asString().equals("READY") && video.get("progress").asInt() == 100;
    }
}
