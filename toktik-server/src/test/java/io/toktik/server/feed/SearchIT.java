package io.toktik.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import io.toktik.server.security.Images;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/search}: words, hashtags, users; only READY PUBLIC videos; any input answered, never with a 500. */
class SearchIT extends ServerIT {
    @Autowired
    VideoRepository videos;
    @Autowired
    JdbcClient jdbc;
    Catalog catalog;
    Catalog.Member owner;
    /** A word no other test uses. */
    String word;

    @BeforeEach
    void catalog() {
        catalog = new Catalog(videos, jdbc, api);
        owner = catalog.member("searched");
        word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void words_matchTitlesAndDescriptions_titlesFirst() {
        UUID inDescription = catalog.video(owner, "something", "all about " + word + " today", Visibility.PUBLIC,
                VideoStatus.READY, Instant.now(), 60_000L);
        UUID inTitle = catalog.ready(owner, "The " + word + " dance", Instant.now().minusSeconds(60));
        catalog.ready(owner, "unrelated", Instant.now());

        assertThat(Feeds.search(api, word, 1)).containsExactly(inTitle, inDescription);
        assertThat(Feeds.search(api, word.toUpperCase() + " dance", 10)).containsExactly(inTitle);
    }

    @Test
    void anyLanguage_matchesWordForWord() {
        String thai = "แมว" + word, japanese = "猫" + word;
        UUID video = catalog.ready(owner, "Кошка " + thai + " " + japanese, Instant.now());

        assertThat(Feeds.search(api, "кошка " + thai, 10)).contains(video);
        assertThat(Feeds.search(api, japanese, 10)).containsExactly(video);
    }

    @Test
    void hashtag_findsVideosTaggedWithIt_newestFirst() {
        UUID older = catalog.video(owner, "cats", "#" + word + " #cute", Visibility.PUBLIC, VideoStatus.READY,
                Instant.now().minusSeconds(600), 60_000L);
        UUID newer = catalog.ready(owner, "more #" + word.toUpperCase(), Instant.now());
        UUID wordOnly = catalog.ready(owner, "just the word " + word, Instant.now());

        List<UUID> found = Feeds.search(api, "#" + word, 1);

        assertThat(found).containsExactly(newer, older).doesNotContain(wordOnly);
    }

    @Test
    void onlyReadyPublicVideos_areFound() {
        UUID shown = catalog.ready(owner, word + " shown #" + word, Instant.now());
        for (Visibility v : List.of(Visibility.PRIVATE, Visibility.UNLISTED)) {
            catalog.video(owner, word + " " + v + " #" + word, "", v, VideoStatus.READY, Instant.now(), 60_000L);
        }
        for (VideoStatus s : List.of(VideoStatus.UPLOADING, VideoStatus.PROCESSING, VideoStatus.FAILED)) {
            catalog.video(owner, word + " " + s + " #" + word, "", Visibility.PUBLIC, s, null, null);
        }

        assertThat(Feeds.search(api, word, 100)).containsExactly(shown);
        assertThat(Feeds.search(api, "#" + word, 100)).containsExactly(shown);
    }

    @Test
    void users_areFoundByUsernameOrDisplayNamePrefix_ignoringCase() {
        String prefix = owner.username().substring(0, owner.username().length() - 3).toUpperCase();

        JsonNode users = api.get("/api/search?q=" + prefix, null).json().get("users");

        assertThat(users.findValuesAsString("username")).contains(owner.username());
        assertThat(users.get(0).has("displayName")).isTrue();
    }

    @Test
    void users_carryTheirProfilePicture() {
        assertThat(api.putBytes("/api/me/avatar", owner.token(), Images.picture("png", 64, 64)).status()).isEqualTo(200);

        JsonNode users = api.get("/api/search?q=" + owner.username(), null).json().get("users");

        assertThat(users.size()).isOne();
        assertThat(users.get(0).get("avatarUrl").asString()).matches("/media/users/" + owner.id() + "/avatar-[0-9]+\\.jpg");
    }

    @Test
    void likeWildcardsInAQuery_matchThemselvesOnly() {
        JsonNode users = api.get("/api/search?q=" + enc("%"), null).json().get("users");
        JsonNode underscores = api.get("/api/search?q=" + enc("___"), null).json().get("users");

        assertThat(users.size()).isZero();
        assertThat(underscores.size()).isZero();
    }

    @Test
    void abusiveInput_isAnsweredWith200Or400_neverAnError() {
        List<String> inputs = List.of("'; drop table videos; --", "\" or 1=1 --", "a & b | !c <-> (d", "\\", "%_%",
                "#", "##", "#'", "-", "\"unbalanced", "or", "日本語 🎉 emoji", "\u0000nul", "\u202Ertl", "x".repeat(200),
                "<script>alert(1)</script>", "a:*", "!!!");
        for (String q : inputs) {
            TestApi.Response r = api.get("/api/search?q=" + enc(q), null);
            assertThat(r.status()).as("q=%s → %s", q, r).isIn(200, 400);
            if (r.status() == 200) assertThat(r.json().has("videos")).as(q).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from videos").query(Long.class).single()).isPositive();
    }

    @Test
    void emptyOrOverlongQueries_are400Problems() {
        for (String q : List.of("", "   ", "x".repeat(1000))) {
            TestApi.Response r = api.get("/api/search?q=" + enc(q), null);
            assertThat(r.status()).as("q=%s", q).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/search", null).status()).isEqualTo(400);
        assertThat(api.get("/api/search?q=a&cursor=bogus", null).status()).isEqualTo(400);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
