package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Events reach exactly the clients following their topic, in order; a client that reconnects and subscribes again gets them again. */
class RealtimeDeliveryIT extends RealtimeServerIT {

    @Test
    void aSubscriber_receivesItsTopicsEvents_andNoOtherTopics() {
        String owner = api.newUser("rt_owner");
        String a = newVideo(owner, "PUBLIC");
        String b = newVideo(owner, "PUBLIC");
        try (WsClient onA = WsClient.connect(wsUrl(owner)); WsClient onB = WsClient.connect(wsUrl(owner))) {
            onA.follow("video:" + a);
            onB.follow("video:" + b);

            publish("video:" + b, "video.ready", Map.of("id", b, "rendition", "240p"));
            publish("video:" + a, "video.ready", Map.of("id", a, "rendition", "360p"));

            JsonNode first = onA.next(); // b's event came first: had it reached onA, it would be here
            assertThat(first.get("topic").asString()).isEqualTo("video:" + a);
            assertThat(first.get("type").asString()).isEqualTo("video.ready");
            assertThat(first.get("data").get("rendition").asString()).isEqualTo("360p");
            JsonNode second = onB.next();
            assertThat(second.get("topic").asString()).isEqualTo("video:" + b);
            assertThat(second.get("data").get("id").asString()).isEqualTo(b);
        }
    }

    @Test
    void userMe_carriesTheSignedInUsersNotifications_only() {
        String alice = api.newUser("rt_alice");
        String bob = api.newUser("rt_bob");
        UUID aliceId = userId(alice);
        UUID bobId = userId(bob);
        try (WsClient alices = WsClient.connect(wsUrl(alice)); WsClient bobs = WsClient.connect(wsUrl())) {
            bobs.send(Map.of("op", "auth", "token", bob)); // signing in after connecting, as a browser may
            JsonNode signedIn = bobs.next();
            assertThat(signedIn.get("type").asString()).isEqualTo("authenticated");
            assertThat(signedIn.get("userId").asString()).isEqualTo(bobId.toString());
            alices.follow("user:me");
            bobs.follow("user:me");

            publish("user:" + bobId, "notification", Map.of("text", "for bob"));
            publish("user:" + aliceId, "notification", Map.of("text", "for alice"));

            JsonNode toAlice = alices.next();
            assertThat(toAlice.get("topic").asString()).isEqualTo("user:me");
            assertThat(toAlice.get("type").asString()).isEqualTo("notification");
            assertThat(toAlice.get("data").get("text").asString()).isEqualTo("for alice");
            assertThat(bobs.next().get("data").get("text").asString()).isEqualTo("for bob");
        }
    }

    @Test
    void userMe_isRefusedToAnonymousClients_andOtherUsersTopicsToEveryone() {
        String alice = api.newUser("rt_alice");
        UUID aliceId = userId(alice);
        try (WsClient anonymous = WsClient.connect(wsUrl()); WsClient bob = WsClient.connect(wsUrl(api.newUser("rt_bob")))) {
            JsonNode refused = anonymous.subscribe("user:me");
            assertThat(refused.get("type").asString()).isEqualTo("error");
            assertThat(refused.get("topic").asString()).isEqualTo("user:me");
            assertThat(refused.get("message").asString()).contains("Sign in");

            JsonNode notYours = bob.subscribe("user:" + aliceId);
            assertThat(notYours.get("type").asString()).isEqualTo("error");
            assertThat(notYours.get("message").asString()).contains("Unknown topic");
        }
    }

    @Test
    void eventsOfOtherTypes_arriveEveryOne_inOrder() {
        String owner = api.newUser("rt_owner");
        String video = newVideo(owner, "PUBLIC");
        try (WsClient client = WsClient.connect(wsUrl(owner))) {
            client.follow("video:" + video);
            for (int i = 0; i < 200; i++) {
                publish("video:" + video, "comment.created", Map.of("id", String.valueOf(i), "text", "comment " + i));
            }
            for (int i = 0; i < 200; i++) {
                JsonNode frame = client.next();
                assertThat(frame.get("type").asString()).isEqualTo("comment.created");
                assertThat(frame.get("data").get("id").asString()).isEqualTo(String.valueOf(i));
            }
        }
    }

    @Test
    void theNodeFollowsATopic_onlyWhileAClientWantsIt_andAReconnectingClientResubscribes() {
        String owner = api.newUser("rt_owner");
        String video = newVideo(owner, "PUBLIC");
        String topic = "video:" + video;
        assertThat(registry.followers(topic)).isZero();

        WsClient first = WsClient.connect(wsUrl(owner));
        first.follow(topic);
        WsClient second = WsClient.connect(wsUrl(owner));
        second.follow(topic);
        assertThat(registry.followers(topic)).isEqualTo(2);
        assertThat(second.subscribe(topic).get("type").asString()).as("subscribing twice is harmless").isEqualTo("subscribed");
        assertThat(registry.followers(topic)).isEqualTo(2);

        second.send(Map.of("op", "unsubscribe", "topic", topic));
        assertThat(second.next().get("type").asString()).isEqualTo("unsubscribed");
        assertThat(registry.followers(topic)).isEqualTo(1);
        publish(topic, "video.failed", Map.of("id", video, "code", "X", "message", "one"));
        assertThat(first.next().get("data").get("message").asString()).isEqualTo("one");
        second.send(Map.of("op", "ping"));
        assertThat(second.next().get("type").asString()).as("nothing for the unsubscribed client before its pong").isEqualTo("pong");
        second.close();

        first.close(); // e.g. the phone lost its network
        eventually("the node unsubscribes when its last follower leaves", () -> registry.followers(topic) == 0);

        try (WsClient again = WsClient.connect(wsUrl(owner))) { // the client's duty: reconnect and subscribe again
            again.follow(topic);
            publish(topic, "video.failed", Map.of("id", video, "code", "X", "message", "two"));
            assertThat(again.next().get("data").get("message").asString()).isEqualTo("two");
        }
    }
}
