package io.toktik.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FollowIT extends SocialFixtures {

    @Test
    void follow_isIdempotent_andCountsBothSides() {
        Person ana = person("ana");
        Person bo = person("bo");
        String path = "/api/users/" + bo.username() + "/follow";

        TestApi.Response first = put(path, ana.token());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("followedByMe").asBoolean()).isTrue();
        assertThat(put(path, ana.token()).json().get("followerCount").asLong()).isEqualTo(1);

        JsonNode bosProfile = api.get("/api/users/" + bo.username(), ana.token()).json();
        assertThat(bosProfile.get("followerCount").asLong()).isEqualTo(1);
        assertThat(bosProfile.get("followedByMe").asBoolean()).isTrue();
        assertThat(api.get("/api/users/" + ana.username(), null).json().get("followingCount").asLong()).isEqualTo(1);
    }

    @Test
    void unfollow_isIdempotent_andCountsDrop() {
        Person ana = person("ana");
        Person bo = person("bo");
        String path = "/api/users/" + bo.username() + "/follow";
        put(path, ana.token());

        assertThat(api.delete(path, ana.token()).json().get("followerCount").asLong()).isZero();
        TestApi.Response again = api.delete(path, ana.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("followedByMe").asBoolean()).isFalse();
        assertThat(api.get("/api/users/" + ana.username(), null).json().get("followingCount").asLong()).isZero();
    }

    @Test
    void profile_showsTheContractFields_andCountsOnlyPublishedPublicVideosForOthers() {
        Person ana = person("ana");
        readyVideo(ana, "PUBLIC");
        readyVideo(ana, "PRIVATE");
        draft(ana, "PUBLIC");

        JsonNode seenByOthers = api.get("/api/users/" + ana.username().toUpperCase(), null).json();
        assertThat(seenByOthers.get("id").asString()).isEqualTo(ana.id());
        assertThat(seenByOthers.get("username").asString()).isEqualTo(ana.username());
        assertThat(seenByOthers.has("displayName")).isTrue();
        assertThat(seenByOthers.has("bio")).isTrue();
        assertThat(seenByOthers.get("avatarUrl").isNull()).isTrue();
        assertThat(seenByOthers.get("videoCount").asLong()).isEqualTo(1);
        assertThat(seenByOthers.get("followedByMe").asBoolean()).isFalse();
        assertThat(api.get("/api/users/" + ana.username(), ana.token()).json().get("videoCount").asLong()).isEqualTo(3);
    }

    @Test
    void followingYourself_isA400_andUnknownUsersA404() {
        Person ana = person("ana");
        TestApi.Response self = put("/api/users/" + ana.username() + "/follow", ana.token());
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.header("Content-Type")).startsWith("application/problem+json");
        assertThat(put("/api/users/nobody_at_all/follow", ana.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/users/nobody_at_all/follow", ana.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/users/nobody_at_all", null).status()).isEqualTo(404);
    }

    @Test
    void followAndUnfollow_needASignedInUser() {
        Person bo = person("bo");
        String path = "/api/users/" + bo.username() + "/follow";
        assertThat(put(path, null).status()).isEqualTo(401);
        assertThat(api.delete(path, null).status()).isEqualTo(401);
    }
}
