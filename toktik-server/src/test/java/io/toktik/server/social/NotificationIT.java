package io.toktik.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.Playback;
import io.toktik.tests.TestClips;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationIT extends SocialFixtures {

    @Test
    void theOwnerIsNotifiedOfALike_butNobodyOfTheirOwn() {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");
        put("/api/videos/" + id + "/like", owner.token());
        put("/api/videos/" + id + "/like", fan.token());

        JsonNode page = notifications(owner);
        assertThat(page.get("items")).hasSize(1);
        JsonNode n = page.get("items").get(0);
        assertThat(n.get("type").asString()).isEqualTo("LIKE");
        assertThat(n.get("actor").get("username").asString()).isEqualTo(fan.username());
        assertThat(n.get("videoId").asString()).isEqualTo(id);
        assertThat(n.get("text").asString()).contains(fan.username(), "liked");
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(n.get("createdAt").asString()).isNotBlank();
        assertThat(page.get("unreadCount").asLong()).isEqualTo(1);
        assertThat(notifications(fan).get("items")).isEmpty();
    }

    @Test
    void likesWithinTheWindow_areOneNotificationCountingTheLikers() {
        Person owner = person("owner");
        String id = readyVideo(owner, "PUBLIC");
        Person last = null;
        for (int i = 0; i < 5; i++) {
            last = person("liker");
            put("/api/videos/" + id + "/like", last.token());
        }

        JsonNode items = notifications(owner).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("actor").get("username").asString()).isEqualTo(last.username());
        assertThat(items.get(0).get("text").asString()).contains(last.username() + " and 4 others liked");
        assertThat(notifications(owner).get("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void aLikeAfterTheBatchWasRead_startsANewNotification() {
        Person owner = person("owner");
        String id = readyVideo(owner, "PUBLIC");
        put("/api/videos/" + id + "/like", person("early").token());
        assertThat(api.post("/api/notifications/read", owner.token(), Map.of()).status()).isEqualTo(204);
        put("/api/videos/" + id + "/like", person("late").token());

        JsonNode page = notifications(owner);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("unreadCount").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("read").asBoolean()).isFalse();
        assertThat(page.get("items").get(1).get("read").asBoolean()).isTrue();
    }

    @Test
    void comments_notifyTheOwner_andRepliesTheParentsAuthorToo() {
        Person owner = person("owner");
        Person first = person("first");
        Person replier = person("replier");
        String id = readyVideo(owner, "PUBLIC");
        String parent = comment(id, first, "what song is this?").json().get("id").asString();
        reply(id, replier, parent, "Sandstorm");
        reply(id, first, parent, "thanks!");

        assertThat(types(owner)).containsExactly("COMMENT", "COMMENT", "COMMENT");
        JsonNode firstsItems = notifications(first).get("items");
        assertThat(firstsItems).hasSize(1);
        assertThat(firstsItems.get(0).get("type").asString()).isEqualTo("REPLY");
        assertThat(firstsItems.get(0).get("text").asString()).contains(replier.username(), "Sandstorm");
        assertThat(notifications(replier).get("items")).isEmpty();
    }

    @Test
    void aReplyToTheOwnersComment_notifiesThemOnce() {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");
        String pinned = comment(id, owner, "ask me anything").json().get("id").asString();
        reply(id, fan, pinned, "why?");

        assertThat(types(owner)).containsExactly("REPLY");
    }

    @Test
    void aNewFollower_isNotified_once() {
        Person ana = person("ana");
        Person bo = person("bo");
        put("/api/users/" + bo.username() + "/follow", ana.token());
        put("/api/users/" + bo.username() + "/follow", ana.token());

        JsonNode items = notifications(bo).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("type").asString()).isEqualTo("FOLLOW");
        assertThat(items.get(0).get("actor").get("id").asString()).isEqualTo(ana.id());
        assertThat(items.get(0).get("videoId").isNull()).isTrue();
    }

    @Test
    void markRead_someThenAll() {
        Person owner = person("owner");
        String id = readyVideo(owner, "PUBLIC");
        Person fan = person("fan");
        for (String text : List.of("one", "two", "three")) comment(id, fan, text);
        JsonNode items = notifications(owner).get("items");
        assertThat(notifications(owner).get("unreadCount").asLong()).isEqualTo(3);

        String newest = items.get(0).get("id").asString();
        assertThat(api.post("/api/notifications/read", owner.token(), Map.of("ids", List.of(newest))).status()).isEqualTo(204);
        JsonNode after = notifications(owner);
        assertThat(after.get("unreadCount").asLong()).isEqualTo(2);
        assertThat(after.get("items").get(0).get("read").asBoolean()).isTrue();

        assertThat(api.post("/api/notifications/read", fan.token(), Map.of()).status()).as("only one's own").isEqualTo(204);
        assertThat(notifications(owner).get("unreadCount").asLong()).isEqualTo(2);
        assertThat(api.post("/api/notifications/read", owner.token(), Map.of()).status()).isEqualTo(204);
        assertThat(notifications(owner).get("unreadCount").asLong()).isZero();
    }

    @Test
    void notifications_needASignedInUser_andPageByCursor() {
        assertThat(api.get("/api/notifications", null).status()).isEqualTo(401);
        assertThat(api.post("/api/notifications/read", null, Map.of()).status()).isEqualTo(401);

        Person owner = person("owner");
        String id = readyVideo(owner, "PUBLIC");
        Person fan = person("fan");
        for (String text : List.of("one", "two", "three")) comment(id, fan, text);
        JsonNode page1 = api.get("/api/notifications?limit=2", owner.token()).json();
        assertThat(page1.get("items")).hasSize(2);
        JsonNode page2 = api.get("/api/notifications?limit=2&cursor=" + page1.get("nextCursor").asString(), owner.token()).json();
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("items").get(0).get("text").asString()).contains("one");
    }

    @Test
    void processing_notifiesTheOwnerWhenTheVideoIsReadyOrFailed() throws Exception {
        TestClips clips = Playback.clips();
        Person owner = person("uploader");
        String good = draft(owner, "PUBLIC");
        String bad = draft(owner, "PUBLIC");
        assertThat(api.putFile("/api/videos/" + good + "/source", owner.token(), clips.landscape(Duration.ofSeconds(2))).status()).isEqualTo(202);
        assertThat(api.putFile("/api/videos/" + bad + "/source", owner.token(), clips.textFile()).status()).isEqualTo(202);

        JsonNode ready = await(owner, n -> n.get("type").asString().equals("VIDEO_READY"));
        assertThat(ready.get("videoId").asString()).isEqualTo(good);
        assertThat(ready.get("actor").isNull()).isTrue();
        JsonNode failed = await(owner, n -> n.get("type").asString().equals("VIDEO_FAILED"));
        assertThat(failed.get("videoId").asString()).isEqualTo(bad);
        assertThat(failed.get("text").asString()).contains("could not be processed");
    }

    private List<String> types(Person p) {
        List<String> types = new ArrayList<>();
        for (JsonNode n : notifications(p).get("items")) types.add(n.get("type").asString());
        return types;
    }

    /** Polls until a notification matches; the pipeline's pace is the machine's. */
    private JsonNode await(Person p, Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode n : notifications(p).get("items")) {
                if (match.test(n)) return n;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no matching notification for " + p.username() + ": " + notifications(p));
    }
}
