package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.Playback;
import io.toktik.tests.TestClips;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A video's topic is open to whoever may see the video: a real upload's events reach its owner; others wait until it is public and ready. */
class RealtimeAccessIT extends RealtimeServerIT {
    private static TestClips clips;

    @BeforeAll
    static void clips() {
        clips = Playback.clips();
    }

    @Test
    void aPrivateVideosTopic_isOnlyForItsOwner_andAPublicReadyOneForEveryone() {
        String owner = api.newUser("rt_owner");
        String other = api.newUser("rt_other");
        String id = newVideo(owner, "PRIVATE");
        String topic = "video:" + id;
        try (WsClient owners = WsClient.connect(wsUrl(owner))) {
            owners.follow(topic); // the owner follows a draft

            assertThat(api.putFile("/api/videos/" + id + "/source", owner, clips.landscape(Duration.ofSeconds(2))).status()).isEqualTo(202);
            JsonNode ready = nextOfType(owners, "video.ready");
            assertThat(ready.get("topic").asString()).isEqualTo(topic);
            assertThat(ready.get("data").get("id").asString()).isEqualTo(id);
        }

        try (WsClient others = WsClient.connect(wsUrl(other)); WsClient anonymous = WsClient.connect(wsUrl());
                WsClient ownersPhone = WsClient.connect(wsUrl(owner))) {
            assertRefused(others.subscribe(topic), topic);
            assertRefused(anonymous.subscribe(topic), topic);
            ownersPhone.follow(topic); // private and ready: still the owner's

            assertThat(api.patch("/api/videos/" + id, owner, Map.of("visibility", "UNLISTED")).status()).isEqualTo(200);
            others.follow(topic);
            anonymous.follow(topic);
        }
    }

    @Test
    void anUnfinishedPublicVideosTopic_isOnlyForItsOwner() {
        String owner = api.newUser("rt_owner");
        String draft = newVideo(owner, "PUBLIC");
        try (WsClient others = WsClient.connect(wsUrl(api.newUser("rt_other"))); WsClient owners = WsClient.connect(wsUrl(owner))) {
            assertRefused(others.subscribe("video:" + draft), "video:" + draft);
            owners.follow("video:" + draft);
        }
    }

    @Test
    void aVideoThatDoesNotExist_isRefusedLikeAPrivateOne() {
        try (WsClient client = WsClient.connect(wsUrl())) {
            String absent = "video:00000000-0000-4000-8000-000000000000";
            assertRefused(client.subscribe(absent), absent);
            assertThat(client.subscribe("video:nonsense").get("message").asString()).isEqualTo("No such video");
        }
    }

    private static void assertRefused(JsonNode answer, String topic) {
        assertThat(answer.get("type").asString()).as(answer.toString()).isEqualTo("error");
        assertThat(answer.get("topic").asString()).isEqualTo(topic);
        assertThat(answer.get("message").asString()).isEqualTo("No such video");
    }

    private static JsonNode nextOfType(WsClient client, String type) {
        while (true) {
            JsonNode frame = client.next();
            if (frame.get("type").asString().equals(type)) return frame;
            assertThat(frame.get("type").asString()).as(frame.toString()).isIn("video.progress");
        }
    }
}
