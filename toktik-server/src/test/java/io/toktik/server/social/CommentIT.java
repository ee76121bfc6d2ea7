package io.toktik.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CommentIT extends SocialFixtures {

    @Test
    void post_returnsTheCommentWithItsAuthor_andCountsIt() {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");

        TestApi.Response r = comment(id, fan, "  Nice one  ");
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.get("text").asString()).isEqualTo("Nice one");
        assertThat(c.get("author").get("id").asString()).isEqualTo(fan.id());
        assertThat(c.get("author").get("username").asString()).isEqualTo(fan.username());
        assertThat(c.get("author").has("avatarUrl")).isTrue();
        assertThat(c.get("parentId").isNull()).isTrue();
        assertThat(c.get("createdAt").asString()).isNotBlank();
        assertThat(video(id, null).get("commentCount").asLong()).isEqualTo(1);
    }

    @Test
    void text_mustHaveOneTo2000Characters_afterTrimming() {
        Person fan = person("fan");
        String id = readyVideo(person("owner"), "PUBLIC");

        for (String bad : new String[] {"", "   \n\t ", "x".repeat(2001)}) {
            TestApi.Response r = comment(id, fan, bad);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors").has("text")).isTrue();
        }
        assertThat(api.post("/api/videos/" + id + "/comments", fan.token(), Map.of()).json().get("errors").has("text")).isTrue();
        assertThat(comment(id, fan, "x".repeat(2000)).status()).isEqualTo(201);
        assertThat(comment(id, fan, "😀".repeat(2000)).status()).as("2000 emoji are 2000 characters").isEqualTo(201);
        assertThat(api.post("/api/videos/" + id + "/comments", fan.token(), "{\"text\":").status()).as("malformed JSON").isEqualTo(400);
    }

    @Test
    void text_isKeptAsWritten_emojiAndHtmlIncluded() {
        Person fan = person("fan");
        String id = readyVideo(person("owner"), "PUBLIC");
        String text = "Ça marche 🎉👍🏽 <script>alert('x')</script> &amp;";

        assertThat(comment(id, fan, text).json().get("text").asString()).isEqualTo(text);
        assertThat(api.get("/api/videos/" + id + "/comments", null).json().get("items").get(0).get("text").asString()).isEqualTo(text);
    }

    @Test
    void list_isNewestFirst_withRepliesCarryingTheirParent_andPagesByCursor() {
        Person fan = person("fan");
        String id = readyVideo(person("owner"), "PUBLIC");
        String first = comment(id, fan, "first").json().get("id").asString();
        reply(id, fan, first, "a reply");
        comment(id, fan, "third");

        JsonNode page1 = api.get("/api/videos/" + id + "/comments?limit=2", null).json();
        assertThat(page1.get("items")).hasSize(2);
        assertThat(page1.get("items").get(0).get("text").asString()).isEqualTo("third");
        assertThat(page1.get("items").get(1).get("parentId").asString()).isEqualTo(first);
        JsonNode page2 = api.get("/api/videos/" + id + "/comments?limit=2&cursor=" + page1.get("nextCursor").asString(), null).json();
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("items").get(0).get("id").asString()).isEqualTo(first);
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/videos/" + id + "/comments?cursor=garbage", null).status()).isEqualTo(400);
        assertThat(api.get("/api/videos/" + id + "/comments?limit=101", null).status()).isEqualTo(400);
    }

    @Test
    void replies_haveOneLevel_andTheirParentMustBeACommentOfTheSameVideo() {
        Person fan = person("fan");
        Person owner = person("owner");
        String id = readyVideo(owner, "PUBLIC");
        String otherVideo = readyVideo(owner, "PUBLIC");
        String top = comment(id, fan, "top").json().get("id").asString();
        TestApi.Response reply = reply(id, owner, top, "thanks");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("parentId").asString()).isEqualTo(top);

        TestApi.Response nested = reply(id, fan, reply.json().get("id").asString(), "deeper");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().get("errors").has("parentId")).isTrue();
        assertThat(reply(otherVideo, fan, top, "elsewhere").status()).isEqualTo(400);
        assertThat(reply(id, fan, "not-an-id", "nowhere").status()).isEqualTo(400);
    }

    @Test
    void delete_byAuthorOrVideoOwner_butNotByOthers() {
        Person owner = person("owner");
        Person author = person("author");
        Person other = person("other");
        String id = readyVideo(owner, "PUBLIC");
        String byAuthor = comment(id, author, "mine").json().get("id").asString();
        String byOwner = comment(id, author, "moderated").json().get("id").asString();

        assertThat(api.delete("/api/comments/" + byAuthor, null).status()).isEqualTo(401);
        TestApi.Response refused = api.delete("/api/comments/" + byAuthor, other.token());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.delete("/api/comments/" + byAuthor, author.token()).status()).isEqualTo(204);
        assertThat(api.delete("/api/comments/" + byOwner, owner.token()).status()).isEqualTo(204);
        assertThat(api.delete("/api/comments/" + byOwner, owner.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/comments/not-an-id", owner.token()).status()).isEqualTo(404);
        assertThat(video(id, null).get("commentCount").asLong()).isZero();
    }

    @Test
    void deletingAParent_deletesItsReplies_andTheCountFollows() {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");
        String parent = comment(id, fan, "parent").json().get("id").asString();
        reply(id, owner, parent, "reply one");
        reply(id, fan, parent, "reply two");
        comment(id, fan, "stays");
        assertThat(video(id, null).get("commentCount").asLong()).isEqualTo(4);

        assertThat(api.delete("/api/comments/" + parent, fan.token()).status()).isEqualTo(204);
        JsonNode items = api.get("/api/videos/" + id + "/comments", null).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("text").asString()).isEqualTo("stays");
        assertThat(video(id, null).get("commentCount").asLong()).isEqualTo(1);
    }

    @Test
    void commentsOfVideosTheCallerMayNotSee_are404() {
        Person owner = person("owner");
        Person other = person("other");
        String privateVideo = readyVideo(owner, "PRIVATE");

        assertThat(api.get("/api/videos/" + privateVideo + "/comments", other.token()).status()).isEqualTo(404);
        assertThat(comment(privateVideo, other, "hello").status()).isEqualTo(404);
        assertThat(api.post("/api/videos/" + privateVideo + "/comments", null, Map.of("text", "hi")).status()).isEqualTo(401);
        assertThat(comment(privateVideo, owner, "note to self").status()).isEqualTo(201);
    }
}
