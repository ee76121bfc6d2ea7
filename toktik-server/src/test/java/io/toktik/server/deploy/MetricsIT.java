package io.toktik.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import io.toktik.server.security.ReadyVideos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** After a processed upload and a playback, {@code /actuator/prometheus} shows the pipeline, queue, upload, delivery and HTTP meters. */
class MetricsIT extends ServerIT {
    /** Counters that appear with their first event: a run that threw, a video that failed, a connection the server closed. */
    private static final Set<String> CREATED_AT_FIRST_EVENT = Set.of("toktik_pipeline_errors_total",
            "toktik_pipeline_videos_failed_total", "toktik_realtime_closed_total");
    private static final Pattern METRIC = Pattern.compile("\\b((?:toktik|http_server)_[a-z_]+)\\b");

    @Test
    void processedUpload_showsInPipelineQueueUploadDeliveryAndHttpMetrics() throws Exception {
        long clipBytes = Files.size(ReadyVideos.clip());
        PrometheusScrape before = scrape();

        String token = api.newUser("metrics");
        JsonNode video = ReadyVideos.upload(api, token, "PUBLIC");
        String master = video.get("hlsUrl").asString();
        TestApi.Response playlist = api.get(master, null);
        TestApi.Response segment = api.get(master.replace("master.m3u8", "240p/seg_00000.ts"), null);
        assertThat(segment.status()).isEqualTo(200);

        // A stage is timed when its handler returns, just after its work became visible through the API.
        PrometheusScrape after = scrapeUntil(scrape -> Stream.of("probe", "transcode", "poster", "storyboard").allMatch(stage ->
                delta(before, scrape, "toktik_pipeline_stage_duration_seconds_count", "stage", stage, "outcome", "success") >= 1));
        for (String stage : new String[] {"probe", "transcode", "poster", "storyboard"}) {
            assertThat(delta(before, after, "toktik_pipeline_stage_duration_seconds_count", "stage", stage, "outcome", "success"))
                    .as(stage + " runs").isGreaterThanOrEqualTo(1);
            assertThat(after.sum("toktik_pipeline_jobs_in_flight", "stage", stage)).as(stage + " in flight").isBetween(0.0, 2.0);
            assertThat(delta(before, after, "toktik_jobs_wait_seconds_count", "kind", stage)).as(stage + " waits").isGreaterThanOrEqualTo(1);
            assertThat(after.matching("toktik_jobs_waiting", "kind", stage)).as(stage + " depth").singleElement()
                    .satisfies(s -> assertThat(s.value()).isBetween(0.0, 100.0));
            assertThat(after.matching("toktik_jobs_oldest_wait_seconds", "kind", stage)).as(stage + " oldest wait").singleElement()
                    .satisfies(s -> assertThat(s.value()).isBetween(0.0, 3600.0));
        }
        assertThat(delta(before, after, "toktik_pipeline_stage_duration_seconds_count", "stage", "transcode", "renditions", "240p"))
                .as("the run that makes the video playable").isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "toktik_pipeline_stage_duration_seconds_sum", "stage", "transcode")).isPositive();
        assertThat(delta(before, after, "toktik_upload_bytes_total", "protocol", "put")).isGreaterThanOrEqualTo(clipBytes);
        assertThat(delta(before, after, "toktik_delivery_bytes_total", "type", "segment")).isGreaterThanOrEqualTo(segment.body().length);
        assertThat(delta(before, after, "toktik_delivery_bytes_total", "type", "playlist")).isGreaterThanOrEqualTo(playlist.body().length);
        assertThat(delta(before, after, "http_server_requests_seconds_count",
                "method", "PUT", "uri", "/api/videos/{id}/source", "status", "202")).isGreaterThanOrEqualTo(1);
        assertThat(after.matching("http_server_requests_seconds_bucket", "uri", "/api/videos/{id}/source")).as("latency histogram").isNotEmpty();
        assertThat(after.samples()).as("routes are templates, never raw ids")
                .noneMatch(s -> s.labels().getOrDefault("uri", "").contains(video.get("id").asString()));
        assertThat(dashboardMetrics()).as("every metric the Grafana dashboard asks for is exposed")
                .isSubsetOf(Stream.concat(after.samples().stream().map(PrometheusScrape.Sample::name), CREATED_AT_FIRST_EVENT.stream())
                        .collect(Collectors.toSet()));
    }

    @Test
    void fileThatIsNotAVideo_isCountedAsFailedByItsCode() throws InterruptedException {
        PrometheusScrape before = scrape();
        String token = api.newUser("metrics");
        String id = api.post("/api/videos", token, Map.of("title", "notes")).json().get("id").asString();
        api.putBytes("/api/videos/" + id + "/source", token, "just some text, not a video".getBytes(StandardCharsets.UTF_8));
        awaitFailed(id, token);

        // Counted just after the video is marked FAILED.
        PrometheusScrape after = scrapeUntil(scrape ->
                delta(before, scrape, "toktik_pipeline_videos_failed_total", "stage", "probe", "code", "NOT_A_VIDEO") >= 1);
        assertThat(delta(before, after, "toktik_pipeline_videos_failed_total", "stage", "probe", "code", "NOT_A_VIDEO")).isEqualTo(1);
    }

    private void awaitFailed(String id, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!api.get("/api/videos/" + id, token).json().get("status").asString().equals("FAILED")) {
            assertThat(System.nanoTime()).as("video " + id + " never failed").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Set<String> dashboardMetrics() throws IOException {
        String dashboard = Files.readString(RenderedManifests.repositoryRoot().resolve("deploy/grafana/toktik-dashboard.json"));
        Set<String> names = new HashSet<>();
        Matcher m = METRIC.matcher(dashboard);
        while (m.find()) names.add(m.group(1));
        assertThat(names).as("metrics in the dashboard").hasSizeGreaterThan(10);
        return names;
    }

    private PrometheusScrape scrapeUntil(Predicate<PrometheusScrape> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        PrometheusScrape scrape = scrape();
        while (!condition.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            scrape = scrape();
        }
        return scrape;
    }

    private PrometheusScrape scrape() {
        TestApi.Response r = api.get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        return PrometheusScrape.parse(r.text());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
