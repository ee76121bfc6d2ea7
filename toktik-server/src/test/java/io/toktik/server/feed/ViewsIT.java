package io.toktik.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.events.EventBus;
import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import io.toktik.tests.EventBusContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/videos/{id}/views}: the view policy, de-duplication per viewer, exact counts under load, live updates. */
class ViewsIT extends ServerIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @Autowired
    VideoRepository videos;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventBus events;
    Catalog catalog;
    Catalog.Member owner;

    @BeforeEach
    void catalog() {
        catalog = new Catalog(videos, jdbc, api);
        owner = catalog.member("viewed");
    }

    @Test
    void watchingLessThanFiveSeconds_isNotCounted_fiveSecondsIs() {
        UUID video = catalog.ready(owner, "a minute long", Instant.now());

        assertThat(view(video, 4_999, "device-1")).isFalse();
        assertThat(view(video, 5_000, "device-1")).isTrue();
        awaitViews(video, 1);
    }

    @Test
    void aShortVideo_countsAfterHalfOfIt() {
        UUID video = catalog.video(owner, "six seconds", "", Visibility.PUBLIC, VideoStatus.READY, Instant.now(), 6_000L);

        assertThat(view(video, 2_999, "device-1")).isFalse();
        assertThat(view(video, 3_000, "device-1")).isTrue();
    }

    @Test
    void aViewer_isCountedOncePerHour_distinctAnonymousIdsAndUsersEachOnce() {
        UUID video = catalog.ready(owner, "popular", Instant.now());
        Catalog.Member user = catalog.member("watcher");

        assertThat(view(video, 10_000, "device-1")).isTrue();
        assertThat(view(video, 10_000, "device-1")).isFalse();
        assertThat(view(video, 10_000, "device-2")).isTrue();
        assertThat(post(video, user.token(), Map.of()).json().get("counted").asBoolean()).isTrue();
        assertThat(post(video, user.token(), Map.of("X-Viewer-Id", "device-3")).json().get("counted").asBoolean()).isFalse();
        assertThat(post(video, null, Map.of()).json().get("counted").asBoolean()).isTrue(); // by address
        assertThat(post(video, null, Map.of()).json().get("counted").asBoolean()).isFalse();

        awaitViews(video, 4);
    }

    @Test
    void manyConcurrentViewers_areCountedExactly_andTheCountNeverGoesDown() throws Exception {
        UUID video = catalog.ready(owner, "viral", Instant.now());
        int threads = 16, perThread = 25;
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicLong fell = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> watcher = pool.submit(() -> {
                long previous = 0;
                while (posting.get()) {
                    long seen = catalog.viewCount(video);
                    if (seen < previous) fell.incrementAndGet();
                    previous = seen;
                }
            });
            List<Future<Boolean>> posts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                posts.add(pool.submit(() -> {
                    boolean all = true;
                    for (int i = 0; i < perThread; i++) all &= view(video, 10_000, "viewer-" + thread + "-" + i);
                    return all;
                }));
            }
            for (Future<Boolean> p : posts) assertThat(p.get()).isTrue();
            awaitViews(video, threads * perThread);
            posting.set(false);
            watcher.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(fell.get()).as("times the count went down").isZero();
        assertThat(api.get("/api/videos/" + video, null).json().get("viewCount").asLong()).isEqualTo(threads * perThread);
    }

    @Test
    void flushedViews_arePublishedAsVideoViewsEvents() throws Exception {
        UUID video = catalog.ready(owner, "live", Instant.now());
        EventBusContract.Inbox inbox = new EventBusContract.Inbox();
        try (AutoCloseable subscription = events.subscribe(VideoEvents.topic(video), inbox)) {
            view(video, 10_000, "device-1");
            view(video, 10_000, "device-2");

            EventBusContract.await(() -> "video.views with 2 in " + inbox.events(), () -> inbox.events().stream()
                    .anyMatch(e -> e.type().equals("video.views") && ((Number) e.data().get("viewCount")).longValue() == 2));
        }
    }

    @Test
    void videosThatCannotBeWatched_are404() {
        Catalog.Member other = catalog.member("other");
        UUID privateVideo = catalog.video(owner, "private", "", Visibility.PRIVATE, VideoStatus.READY, Instant.now(), 60_000L);
        UUID processing = catalog.video(owner, "processing", "", Visibility.PUBLIC, VideoStatus.PROCESSING, null, null);

        assertThat(post(privateVideo, other.token(), Map.of()).status()).isEqualTo(404);
        assertThat(post(processing, null, Map.of()).status()).isEqualTo(404);
        assertThat(post(UUID.randomUUID(), null, Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/videos/not-a-uuid/views", null, Map.of("watchedMs", 10_000)).status()).isEqualTo(404);
        assertThat(post(privateVideo, owner.token(), Map.of()).status()).isEqualTo(202);
    }

    @Test
    void badBodies_are400_andABadToken401() {
        UUID video = catalog.ready(owner, "strict", Instant.now());
        String path = "/api/videos/" + video + "/views";

        for (Object body : List.of(Map.of(), Map.of("watchedMs", -1), Map.of("watchedMs", "long"), "not json")) {
            TestApi.Response r = api.post(path, null, body);
            assertThat(r.status()).as("%s", body).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.post(path, "garbage", Map.of("watchedMs", 10_000)).status()).isEqualTo(401);
    }

    private boolean view(UUID video, long watchedMs, String viewerId) {
        TestApi.Response r = post(video, null, watchedMs, Map.of("X-Viewer-Id", viewerId));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        return r.json().get("counted").asBoolean();
    }

    private TestApi.Response post(UUID video, String token, Map<String, String> headers) {
        return post(video, token, 10_000, headers);
    }

    /** A view as the web UI posts it: JSON, with its own viewer id header when it has one. */
    private TestApi.Response post(UUID video, String token, long watchedMs, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url("/api/videos/" + video + "/views")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"watchedMs\":" + watchedMs + "}"));
        if (token != null) b.header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TestApi.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitViews(UUID video, long count) {
        EventBusContract.await(() -> count + " views, have " + catalog.viewCount(video), () -> catalog.viewCount(video) == count);
    }
}
