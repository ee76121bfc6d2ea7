package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Hostile input gets a clear 4xx or is stored exactly as written; nothing ever answers 500. */
class InputAbuseIT extends ServerIT {
    private static final String EMOJI_AND_SCRIPTS = "Zoë 🎬🔥 李小龍 עברית ﷽ 👩‍👩‍👧";
    private static final String HTML = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private static final String SQL = "'); drop table videos; -- \" or 1=1 /*";

    private final List<TestApi.Response> seen = new ArrayList<>();
    private Accounts.Account user;

    @BeforeEach
    void user() {
        user = Accounts.signup(api, "abuse");
    }

    @AfterEach
    void noServerErrors() {
        assertThat(seen).as("responses").allSatisfy(r -> assertThat(r.status()).as(r.toString()).isLessThan(500));
    }

    @Test
    void oversizeJsonBodies_areRefusedWith4xx() {
        String big = "a".repeat(2 * 1024 * 1024);
        assertThat(call(api.post("/api/videos", user.accessToken(), Map.of("title", big))).status()).isBetween(400, 499);
        assertThat(call(api.post("/api/auth/signup", null, Map.of("username", big, "password", big))).status()).isBetween(400, 499);
        assertThat(call(api.patch("/api/me", user.accessToken(), Map.of("bio", big))).status()).isBetween(400, 499);
        assertThat(call(api.post("/api/auth/refresh", null, Map.of("refreshToken", big))).status()).isBetween(400, 499);
        assertThat(call(api.post("/api/auth/login", null, Map.of("username", big, "password", "x"))).status()).isEqualTo(400);
    }

    @Test
    void malformedOrDeeplyNestedJson_isA400Problem() {
        String nested = "[".repeat(100_000);
        for (String body : List.of("{\"title\":", "not json", "{\"title\": \"x\"} trailing", nested, "{\"title\": {\"a\": 1}}",
                "{\"title\":\"x\",\"visibility\":\"SECRET\"}", "")) {
            TestApi.Response r = call(api.post("/api/videos", user.accessToken(), body));
            assertThat(r.status()).as(body.length() > 50 ? "deep nesting" : body).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(call(api.patch("/api/me", user.accessToken(), "{\"displayName\": [1,2]}")).status()).isEqualTo(400);
        assertThat(call(api.post("/api/me/password", user.accessToken(), "{")).status()).isEqualTo(400);
    }

    @Test
    void unicodeEmojiHtmlAndSql_inEveryTextField_areKeptExactlyAsWritten() {
        String title = EMOJI_AND_SCRIPTS + " " + HTML + " #tag";
        String description = SQL + "\n" + HTML + "\n" + EMOJI_AND_SCRIPTS;
        TestApi.Response created = call(api.post("/api/videos", user.accessToken(), Map.of("title", title, "description", description)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        JsonNode video = call(api.get("/api/videos/" + created.json().get("id").asString(), user.accessToken())).json();
        assertThat(video.get("title").asString()).isEqualTo(title);
        assertThat(video.get("description").asString()).isEqualTo(description);

        TestApi.Response renamed = call(api.patch("/api/videos/" + video.get("id").asString(), user.accessToken(), Map.of("title", SQL)));
        assertThat(renamed.json().get("title").asString()).isEqualTo(SQL);

        TestApi.Response profile = call(api.patch("/api/me", user.accessToken(), Map.of("displayName", HTML.substring(0, 30) + "🎬",
                "bio", SQL + "\n" + HTML + EMOJI_AND_SCRIPTS)));
        assertThat(profile.status()).isEqualTo(200);
        JsonNode me = call(api.get("/api/me", user.accessToken())).json();
        assertThat(me.get("displayName").asString()).isEqualTo(HTML.substring(0, 30) + "🎬");
        assertThat(me.get("bio").asString()).isEqualTo(SQL + "\n" + HTML + EMOJI_AND_SCRIPTS);
    }

    @Test
    void controlCharactersAndLoneSurrogates_inTheProfile_areA400() {
        for (String json : List.of("\"nul\\u0000byte\"", "\"bell\\u0007\"", "\"lone \\ud83d surrogate\"")) {
            TestApi.Response r = call(api.patch("/api/me", user.accessToken(), "{\"displayName\": " + json + "}"));
            assertThat(r.status()).as(json).isEqualTo(400);
            assertThat(r.json().get("errors").has("displayName")).isTrue();
        }
    }

    @Test
    void controlCharactersAndLoneSurrogates_inVideoTexts_areRefusedOrStored_neverA500() {
        for (String json : List.of("\"nul\\u0000byte\"", "\"bell\\u0007\"", "\"lone \\ud83d surrogate\"")) {
            call(api.post("/api/videos", user.accessToken(), "{\"title\": " + json + ", \"description\": " + json + "}"));
        }
    }

    @Test
    void pathLikeAndSqlIds_are4xx() {
        for (String id : List.of("..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fkeys", "' or 1=1 --", "1;drop table users",
                "00000000-0000-0000-0000-000000000000", "..%00", "%c0%ae%c0%ae", "a".repeat(5000))) {
            String encoded = id.replace(" ", "%20").replace("'", "%27").replace(";", "%3B");
            for (TestApi.Response r : List.of(
                    api.get("/api/videos/" + encoded, null),
                    api.get("/api/videos/" + encoded, user.accessToken()),
                    api.patch("/api/videos/" + encoded, user.accessToken(), Map.of("title", "x")),
                    api.delete("/api/videos/" + encoded, user.accessToken()),
                    api.get("/api/users/" + encoded + "/videos", null),
                    api.get("/media/" + encoded + "/hls/master.m3u8", null),
                    api.get("/media/" + encoded + "/t/" + encoded + "/poster.jpg", null),
                    api.get("/media/users/" + encoded + "/avatar-1.jpg", null))) {
                call(r);
                assertThat(r.status()).as(id + " → " + r).isBetween(400, 499);
            }
        }
        String video = Accounts.draft(api, user, "PUBLIC");
        for (String file : List.of("../../keys/jwt-signing-key.json", "..%2F..%2Fkeys%2Fjwt-signing-key.json", "source",
                "%2e%2e/%2e%2e/keys/jwt-signing-key.json", "hls/..%2f..%2fsource", "t/x/../../source")) {
            TestApi.Response r = call(api.get("/media/" + video + "/" + file, null));
            assertThat(r.status()).as(file).isBetween(400, 499);
            assertThat(r.text()).doesNotContain("\"kty\"");
        }
    }

    @Test
    void badQueryParameters_are400() {
        for (String query : List.of("?limit=abc", "?limit=-1", "?limit=100000", "?cursor=garbage", "?cursor=%27%20or%201%3D1")) {
            TestApi.Response r = call(api.get("/api/users/" + user.username() + "/videos" + query, null));
            assertThat(r.status()).as(query).isEqualTo(400);
        }
    }

    private TestApi.Response call(TestApi.Response r) {
        seen.add(r);
        return r;
    }
}
