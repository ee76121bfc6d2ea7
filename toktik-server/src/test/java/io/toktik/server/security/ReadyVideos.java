package io.toktik.server.security;

import io.toktik.server.Playback;
import io.toktik.server.TestApi;
import io.toktik.tests.TestClips;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Uploads a short generated clip and waits until every rendition of the video is published. */
public final class ReadyVideos {
    private static TestClips clips;

    private ReadyVideos() {}

    static JsonNode upload(TestApi api, Accounts.Account owner, String visibility) {
        return upload(api, owner.accessToken(), visibility);
    }

    /** The generated clip {@link #upload} sends. */
    public static synchronized Path clip() {
        if (clips == null) clips = Playback.clips();
        return clips.landscape(Duration.ofSeconds(2));
    }

    public static JsonNode upload(TestApi api, String accessToken, String visibility) {
        TestApi.Response created = api.post("/api/videos", accessToken, Map.of("title", "clip", "visibility", visibility));
        String id = created.json().get("id").asString();
        TestApi.Response accepted = api.putFile("/api/videos/" + id + "/source", accessToken, clip());
        if (accepted.status() != 202) throw new IllegalStateException("upload failed: " + accepted);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode video = api.get("/api/videos/" + id, accessToken).json();
            String status = video.get("status").asString();
            if (status.equals("FAILED")) throw new IllegalStateException("processing failed: " + video);
            if (status.equals("READY") && video.get("progress").asInt() == 100) return video;
            pause();
        }
        throw new AssertionError("video " + id + " never became READY");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
