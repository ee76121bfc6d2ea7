package io.toktik.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LikeIT extends SocialFixtures {

    @Test
    void like_isIdempotent_andShowsOnTheVideoForTheLiker() {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");
        String path = "/api/videos/" + id + "/like";

        TestApi.Response first = put(path, fan.token());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("liked").asBoolean()).isTrue();
        assertThat(first.json().get("likeCount").asLong()).isEqualTo(1);
        assertThat(put(path, fan.token()).json().get("likeCount").asLong()).isEqualTo(1);

        assertThat(video(id, fan.token()).get("likedByMe").asBoolean()).isTrue();
        assertThat(video(id, owner.token()).get("likedByMe").asBoolean()).isFalse();
        assertThat(video(id, null).get("likeCount").asLong()).isEqualTo(1);
    }

    @Test
    void unlike_isIdempotent_andTheCountDrops() {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");
        String path = "/api/videos/" + id + "/like";
        put(path, fan.token());

        TestApi.Response unliked = api.delete(path, fan.token());
        assertThat(unliked.status()).isEqualTo(200);
        assertThat(unliked.json().get("liked").asBoolean()).isFalse();
        assertThat(unliked.json().get("likeCount").asLong()).isZero();
        assertThat(api.delete(path, fan.token()).json().get("likeCount").asLong()).isZero();
        assertThat(video(id, fan.token()).get("likedByMe").asBoolean()).isFalse();
    }

    @Test
    void fiftyUsersLikingAtOnce_countExactlyFifty() throws Exception {
        Person owner = person("owner");
        String id = readyVideo(owner, "PUBLIC");
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 50; i++) fans.add(api.newUser("crowd"));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (String fan : fans) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return put("/api/videos/" + id + "/like", fan).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) assertThat(answer.get()).isEqualTo(200);
        }
        assertThat(video(id, null).get("likeCount").asLong()).isEqualTo(50);
    }

    @Test
    void onlyVideosTheCallerMaySee_canBeLiked() {
        Person owner = person("owner");
        Person other = person("other");
        String privateVideo = readyVideo(owner, "PRIVATE");
        String draft = draft(owner, "PUBLIC");

        assertThat(put("/api/videos/" + privateVideo + "/like", other.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/videos/" + privateVideo + "/like", other.token()).status()).isEqualTo(404);
        assertThat(put("/api/videos/" + draft + "/like", other.token()).status()).isEqualTo(404);
        assertThat(put("/api/videos/not-an-id/like", other.token()).status()).isEqualTo(404);
        assertThat(put("/api/videos/" + privateVideo + "/like", owner.token()).status()).isEqualTo(200);
    }

    @Test
    void likeAndUnlike_needASignedInUser() {
        String id = readyVideo(person("owner"), "PUBLIC");
        assertThat(put("/api/videos/" + id + "/like", null).status()).isEqualTo(401);
        assertThat(api.delete("/api/videos/" + id + "/like", null).status()).isEqualTo(401);
    }
}
