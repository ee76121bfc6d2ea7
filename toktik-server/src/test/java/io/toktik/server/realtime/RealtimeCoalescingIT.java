package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** High-frequency events (progress, views, likes) reach clients a few times a second, carrying the latest value. */
class RealtimeCoalescingIT extends RealtimeServerIT {

    private String video;
    private String topic;
    private WsClient client;

    @BeforeEach
    void followANewVideo() {
        String owner = api.newUser("rt_owner");
        video = newVideo(owner, "PUBLIC");
        topic = "video:" + video;
        client = WsClient.connect(wsUrl(owner));
        client.follow(topic);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void aBurstOfProgress_arrivesAsFarFewerFrames_theLastCarryingTheLatestValue() {
        for (int p = 1; p <= 1000; p++) {
            publish(topic, "video.progress", Map.of("id", video, "progress", p));
        }
        publish(topic, "video.ready", Map.of("id", video, "rendition", "240p")); // sends what waits, then itself

        List<JsonNode> progress = framesBefore("video.ready");
        assertThat(progress).isNotEmpty().hasSizeLessThanOrEqualTo(100);
        assertThat(progress).allMatch(frame -> frame.get("type").asString().equals("video.progress"));
        assertThat(progress.getLast().get("data").get("progress").asInt()).isEqualTo(1000);
        assertThat(progress).extracting(frame -> frame.get("data").get("progress").asInt()).isSorted();
    }

    @Test
    void likesAndViews_areCoalescedSeparately_andNeitherLosesItsLatestValue() {
        for (int n = 1; n <= 500; n++) {
            publish(topic, "video.likes", Map.of("id", video, "likeCount", n));
            publish(topic, "video.views", Map.of("id", video, "viewCount", 10 * n));
        }
        publish(topic, "comment.created", Map.of("id", "c1", "text", "end of burst"));

        List<JsonNode> counts = framesBefore("comment.created");
        assertThat(counts).hasSizeLessThanOrEqualTo(100);
        assertThat(last(counts, "video.likes").get("likeCount").asInt()).isEqualTo(500);
        assertThat(last(counts, "video.views").get("viewCount").asInt()).isEqualTo(5000);
    }

    /** The frames that come before the first of the given type (which is taken too). */
    private List<JsonNode> framesBefore(String type) {
        List<JsonNode> frames = new ArrayList<>();
        for (JsonNode frame = client.next(); !frame.get("type").asString().equals(type); frame = client.next()) {
            frames.add(frame);
        }
        return frames;
    }

    private static JsonNode last(List<JsonNode> frames, String type) {
        return frames.stream().filter(f -> f.get("type").asString().equals(type)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " frame")).get("data");
    }
}
