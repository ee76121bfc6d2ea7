package io.toktik.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.toktik.tests.EventBusContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The four feeds: what each shows, in which order, page after page without repeats; who may see them. */
class FeedIT extends ServerIT {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    VideoRepository videos;
    @Autowired
    JdbcClient jdbc;
    Catalog catalog;

    @BeforeEach
    void catalog() {
        catalog = new Catalog(videos, jdbc, api);
    }

    @Test
    void latest_isNewestFirst_pageAfterPage_withoutRepeats_evenForEqualTimes() {
        Catalog.Member owner = catalog.member("latest");
        UUID oldest = catalog.ready(owner, "oldest", NOW.minus(Duration.ofHours(3)));
        UUID tieA = catalog.ready(owner, "tie a", NOW.minus(Duration.ofHours(2)));
        UUID tieB = catalog.ready(owner, "tie b", NOW.minus(Duration.ofHours(2)));
        UUID newest = catalog.ready(owner, "newest", NOW.minus(Duration.ofHours(1)));

        List<UUID> feed = Feeds.feed(api, "latest", null, 1);

        assertThat(feed).doesNotHaveDuplicates();
        List<UUID> mine = feed.stream().filter(List.of(oldest, tieA, tieB, newest)::contains).toList();
        UUID higherTie = tieA.toString().compareTo(tieB.toString()) > 0 ? tieA : tieB; // PostgreSQL orders uuids as unsigned bytes
        UUID lowerTie = higherTie == tieA ? tieB : tieA;
        assertThat(mine).containsExactly(newest, higherTie, lowerTie, oldest);
    }

    @Test
    void feeds_showOnlyReadyPublicVideos_notEvenTheCallersOwnPrivateOnes() {
        Catalog.Member owner = catalog.member("hidden");
        UUID shown = catalog.ready(owner, "shown", NOW.minusSeconds(60));
        List<UUID> hidden = List.of(
                catalog.video(owner, "private", "", Visibility.PRIVATE, VideoStatus.READY, NOW.minusSeconds(60), 60_000L),
                catalog.video(owner, "unlisted", "", Visibility.UNLISTED, VideoStatus.READY, NOW.minusSeconds(60), 60_000L),
                catalog.video(owner, "processing", "", Visibility.PUBLIC, VideoStatus.PROCESSING, null, 60_000L),
                catalog.video(owner, "failed", "", Visibility.PUBLIC, VideoStatus.FAILED, null, null),
                catalog.video(owner, "uploading", "", Visibility.PUBLIC, VideoStatus.UPLOADING, null, null));
        Catalog.Member follower = catalog.member("fan");
        catalog.follow(follower, owner);

        for (String tab : List.of("latest", "foryou", "trending")) {
            List<UUID> feed = Feeds.feed(api, tab, owner.token(), 100);
            assertThat(feed).as(tab).contains(shown).doesNotContainAnyElementsOf(hidden);
        }
        assertThat(Feeds.feed(api, "following", follower.token(), 100)).containsExactly(shown);
    }

    @Test
    void following_showsVideosOfFollowedPeopleOnly_newestFirst() {
        Catalog.Member me = catalog.member("me");
        Catalog.Member followed = catalog.member("star");
        Catalog.Member stranger = catalog.member("stranger");
        catalog.follow(me, followed);
        UUID older = catalog.ready(followed, "older", NOW.minus(Duration.ofDays(3)));
        UUID newer = catalog.ready(followed, "newer", NOW.minus(Duration.ofHours(1)));
        catalog.ready(stranger, "not followed", NOW);
        catalog.ready(me, "my own", NOW);

        assertThat(Feeds.feed(api, "following", me.token(), 1)).containsExactly(newer, older);
    }

    @Test
    void following_requiresSignIn() {
        TestApi.Response r = api.get("/api/feed?tab=following", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void trending_ranksByEngagementOfTheLast48Hours() {
        Catalog.Member owner = catalog.member("trend");
        UUID viewed = catalog.ready(owner, "many views", NOW.minus(Duration.ofHours(5)));
        UUID commented = catalog.ready(owner, "many comments", NOW.minus(Duration.ofHours(6)));
        UUID old = catalog.ready(owner, "old hit", NOW.minus(Duration.ofDays(3)));
        catalog.counts(viewed, 1_000_000, 0, 0);
        catalog.counts(commented, 0, 0, 300_000); // 5 × 300k = 1.5M: more than a million views
        catalog.counts(old, 900_000_000, 0, 0);

        List<UUID> feed = Feeds.feed(api, "trending", null, 1);

        assertThat(feed).doesNotHaveDuplicates().doesNotContain(old);
        assertThat(feed.stream().filter(List.of(viewed, commented)::contains)).containsExactly(commented, viewed);
    }

    @Test
    void forYou_weighsEngagementAgainstAge() {
        Catalog.Member owner = catalog.member("hot");
        UUID freshQuiet = catalog.ready(owner, "fresh, quiet", NOW.minus(Duration.ofHours(1)));
        UUID dayOldPopular = catalog.ready(owner, "a day old, popular", NOW.minus(Duration.ofHours(25)));
        UUID weekOldViral = catalog.ready(owner, "a week old, viral", NOW.minus(Duration.ofDays(7)));
        catalog.counts(freshQuiet, 10, 0, 0);            // log10(11) − 1/12 ≈ 0.96
        catalog.counts(dayOldPopular, 10_000, 100, 10);  // log10(10351) − 25/12 ≈ 1.93
        catalog.counts(weekOldViral, 100_000_000, 0, 0); // 8 − 14 = −6

        List<UUID> feed = Feeds.feed(api, "foryou", null, 2);

        assertThat(feed).doesNotHaveDuplicates();
        assertThat(feed.stream().filter(List.of(freshQuiet, dayOldPopular, weekOldViral)::contains))
                .containsExactly(dayOldPopular, freshQuiet, weekOldViral);
    }

    @Test
    void forYou_leavesOutWhatTheCallerHasACountedViewOf() {
        Catalog.Member owner = catalog.member("creator");
        Catalog.Member viewer = catalog.member("viewer");
        UUID watched = catalog.ready(owner, "watched", NOW.minusSeconds(30));
        UUID unwatched = catalog.ready(owner, "unwatched", NOW.minusSeconds(30));

        TestApi.Response view = api.post("/api/videos/" + watched + "/views", viewer.token(), Map.of("watchedMs", 10_000));
        assertThat(view.status()).isEqualTo(202);

        EventBusContract.await(() -> "the view flushed", () -> !Feeds.feed(api, "foryou", viewer.token(), 100).contains(watched));
        assertThat(Feeds.feed(api, "foryou", viewer.token(), 100)).contains(unwatched);
        assertThat(Feeds.feed(api, "foryou", owner.token(), 100)).contains(watched, unwatched);
    }

    @Test
    void badParameters_are400ProblemsNot500() {
        for (String query : List.of("tab=nope", "tab=latest&limit=0", "tab=latest&limit=101", "tab=latest&limit=x",
                "tab=latest&cursor=garbage", "tab=latest&cursor=" + otherTabsCursor())) {
            TestApi.Response r = api.get("/api/feed?" + query, null);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void defaultTab_isForYou_withTwentyAPage() {
        Catalog.Member owner = catalog.member("many");
        for (int i = 0; i < 21; i++) catalog.ready(owner, "video " + i, NOW.minusSeconds(i));

        var body = api.get("/api/feed", null).json();

        assertThat(body.get("items").size()).isEqualTo(20);
        assertThat(body.get("nextCursor").isNull()).isFalse();
    }

    private String otherTabsCursor() {
        return new io.toktik.core.feed.RankCursor("trending", 5, UUID.randomUUID()).encode();
    }
}
