package io.toktik.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import io.toktik.server.security.ReadyVideos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** After a processed upload and a playback, {@code /actuator/prometheus} shows the pipeline, queue, upload, delivery and HTTP meters. */
class MetricsIT extends ServerIT {

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

        PrometheusScrape after = scrape();
        for (String stage : new String[] {"probe", "transcode", "poster"}) {
            assertThat(delta(before, after, "toktik_pipeline_stage_duration_seconds_count", "stage", stage, "outcome", "success"))
                    .as(stage + " runs").isGreaterThanOrEqualTo(1);
            assertThat(after.matching("toktik_pipeline_jobs_in_flight", "stage", stage)).as(stage + " in flight").hasSize(1);
            assertThat(delta(before, after, "toktik_jobs_wait_seconds_count", "kind", stage)).as(stage + " waits").isGreaterThanOrEqualTo(1);
            assertThat(after.matching("toktik_jobs_waiting", "kind", stage)).as(stage + " depth").hasSize(1);
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
    }

    @Test
    void fileThatIsNotAVideo_isCountedAsFailedByItsCode() throws InterruptedException {
        PrometheusScrape before = scrape();
        String token = api.newUser("metrics");
        String id = api.post("/api/videos", token, Map.of("title", "notes")).json().get("id").asString();
        api.putBytes("/api/videos/" + id + "/source", token, "just some text, not a video".getBytes(StandardCharsets.UTF_8));
        awaitFailed(id, token);

        PrometheusScrape after = scrape();
        assertThat(delta(before, after, "toktik_pipeline_videos_failed_total", "stage", "probe", "code", "NOT_A_VIDEO")).isEqualTo(1);
    }

    private void awaitFailed(String id, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!api.get("/api/videos/" + id, token).json().get("status").asString().equals("FAILED")) {
            assertThat(System.nanoTime()).as("video " + id + " never failed").isLessThan(deadline);
            Thread.sleep(200);
        }
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
