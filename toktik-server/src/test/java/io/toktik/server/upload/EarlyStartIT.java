package io.toktik.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.upload.EarlyStart;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaPlaylist;
import io.toktik.media.MediaProber;
import io.toktik.server.Playback;
import io.toktik.server.ServerIT;
import io.toktik.tests.TestClips;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Encoding while a tus upload arrives: a streamable source's lowest rendition has segments stored before its last
 * chunk is sent, and its video is READY and complete after it; a source with its index last waits for its end; a
 * terminated upload leaves nothing of its early encode behind.
 */
class EarlyStartIT extends ServerIT {
    private static final Duration LENGTH = Duration.ofSeconds(10);
    private static TestClips clips;

    @LocalServerPort
    int localPort;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;

    private String token;
    private TusRequests tus;

    @BeforeAll
    static void makeClips() {
        clips = Playback.clips();
    }

    @BeforeEach
    void signIn() {
        token = api.newUser("early");
        tus = new TusRequests("http://127.0.0.1:" + localPort, token);
    }

    @Test
    void transportStream_isEncodedWhileItArrives_andReadyAndCompleteAfterItsLastChunk() throws Exception {
        uploadsInTwoChunks_withSegmentsStoredBetween(clips.transportStream(LENGTH));
    }

    @Test
    void mp4WithItsIndexFirst_isEncodedWhileItArrives_andReadyAndCompleteAfterItsLastChunk() throws Exception {
        uploadsInTwoChunks_withSegmentsStoredBetween(clips.fastStartMp4(LENGTH));
    }

    @Test
    void mp4WithItsIndexLast_waitsForItsLastChunk() throws Exception {
        Path clip = clips.indexLastMp4(LENGTH);
        Upload upload = sendFirstChunk(clip);
        String id = upload.videoId();

        assertThat(earlyState(id)).as("no early encode: ffmpeg could not read it before its end").isEmpty();
        assertThat(jobsOf(id)).isEmpty();
        sendTheRest(upload);
        JsonNode video = await(id, v -> isComplete(v));
        assertThat(video.get("status").asString()).isEqualTo("READY");
        assertThat(earlyState(id)).isEmpty();
        Playback.assertDecodesCompletely(api.url(video.get("hlsUrl").asString()), 4);
    }

    @Test
    void anEarlyEncodeNotPlannedYet_doesNotHoldUpTheLowestRendition() throws Exception {
        Path clip = clips.indexLastMp4(LENGTH);
        Upload upload = sendFirstChunk(clip);
        String id = upload.videoId();
        // as an early start whose job no worker takes (or takes late) leaves it
        jdbc.sql("insert into early_encodes (video_id, upload_id) values (?, ?)")
                .params(UUID.fromString(id), UUID.fromString(upload.url().substring(upload.url().lastIndexOf('/') + 1))).update();

        sendTheRest(upload);
        JsonNode video = await(id, v -> isComplete(v));
        assertThat(video.get("status").asString()).isEqualTo("READY");
        assertThat(earlyState(id)).as("the probe forgot it").isEmpty();
    }

    @Test
    void terminatedUpload_leavesNoEarlyWorkBehind() throws Exception {
        Path clip = clips.transportStream(LENGTH);
        Upload upload = sendFirstChunk(clip);
        String id = upload.videoId();
        String lowest = lowestRendition(clip);
        awaitTrue("a segment stored before the upload is terminated", () -> storedSegments(id, lowest) > 0);

        assertThat(tus.delete(upload.url()).statusCode()).isEqualTo(204);

        awaitTrue("the early encode stopped and cleaned up", () -> earlyState(id).isEmpty() && jobsOf(id).isEmpty()
                && !Files.exists(DATA_DIR.resolve("blobs").resolve(BlobKeys.hls(UUID.fromString(id), ""))));
        assertThat(blob(id, lowest + "/index.m3u8")).isEmpty();
        assertThat(api.get("/api/videos/" + id, token).json().get("status").asString()).isEqualTo("UPLOADING");
    }

    /** Sends most of the source, waits for segments of its lowest rendition, then sends the rest. */
    private void uploadsInTwoChunks_withSegmentsStoredBetween(Path clip) throws Exception {
        String lowest = lowestRendition(clip);
        Upload upload = sendFirstChunk(clip);
        String id = upload.videoId();

        awaitTrue("segments of " + lowest + " stored before the last chunk", () -> storedSegments(id, lowest) > 0);
        JsonNode uploading = api.get("/api/videos/" + id, token).json();
        assertThat(uploading.get("status").asString()).isEqualTo("UPLOADING");
        assertThat(blob(id, "master.m3u8")).as("listed nowhere yet").isEmpty();

        sendTheRest(upload);
        JsonNode video = await(id, v -> isComplete(v));
        assertThat(video.get("status").asString()).isEqualTo("READY");
        assertThat(earlyState(id)).as("adopted, complete, then forgotten: a job delivered again has nothing to do").isEmpty();
        assertThat(names(video)).containsExactly("240p", "360p", "480p", "720p");

        String master = api.url(video.get("hlsUrl").asString());
        assertThat(api.get(master, null).text()).as("the probe adopted the early encode: the audio as it made it, a rendition of its own")
                .contains("#EXT-X-MEDIA:TYPE=AUDIO");
        MediaInfo played = Playback.assertDecodesCompletely(master, 4);
        MediaInfo source = new MediaProber().probe(clip);
        assertThat(Math.abs(played.durationMs() - source.videoDurationMs())).as("duration within a frame")
                .isLessThanOrEqualTo(1000 / 30);
        assertThat(blob(id, lowest + "/index.m3u8").orElseThrow()).contains("#EXT-X-ENDLIST");
    }

    /** An upload of a clip whose first chunk is sent. */
    private record Upload(String videoId, String url, byte[] bytes, int sent) {}

    /** Creates a video and its upload, and sends its first chunk: most of the clip. */
    private Upload sendFirstChunk(Path clip) throws Exception {
        byte[] bytes = Files.readAllBytes(clip);
        String id = newVideo();
        String url = tus.createUpload(id, bytes.length);
        int first = firstChunk(bytes);
        assertThat(tus.patch(url, 0, Arrays.copyOf(bytes, first), Map.of()).statusCode()).isEqualTo(204);
        return new Upload(id, url, bytes, first);
    }

    private void sendTheRest(Upload upload) throws Exception {
        byte[] rest = Arrays.copyOfRange(upload.bytes(), upload.sent(), upload.bytes().length);
        assertThat(tus.patch(upload.url(), upload.sent(), rest, Map.of()).statusCode()).isEqualTo(204);
    }

    /** Most of the source, and at least what the early start looks at. */
    private static int firstChunk(byte[] bytes) {
        int first = (int) (bytes.length * 0.7);
        assertThat((long) first).as("the clip is large enough").isGreaterThan(EarlyStart.HEAD_BYTES);
        return first;
    }

    private static String lowestRendition(Path clip) throws Exception {
        return new LadderPlanner().plan(new MediaProber().probe(clip)).getFirst().name();
    }

    private long storedSegments(String id, String rendition) {
        return blob(id, rendition + "/index.m3u8").map(p -> MediaPlaylist.parse(p).segments().stream()
                .filter(s -> blob(id, rendition + "/" + s.uri()).isPresent()).count()).orElse(0L);
    }

    private Optional<String> blob(String id, String path) {
        try {
            Optional<BlobStore.Blob> blob = blobs.get(BlobKeys.hls(UUID.fromString(id), path));
            if (blob.isEmpty()) return Optional.empty();
            try (InputStream in = blob.get().open(0)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> earlyState(String id) {
        return jdbc.sql("select state from early_encodes where video_id = ?").param(UUID.fromString(id)).query(String.class).optional();
    }

    private List<String> jobsOf(String id) {
        return jdbc.sql("select kind from jobs where video_id = ? and dead_at is null").param(UUID.fromString(id)).query(String.class).list();
    }

    private String newVideo() {
        return api.post("/api/videos", token, Map.of("title", "early start")).json().get("id").asString();
    }

    private static boolean isComplete(JsonNode v) {
        return v.get("status").asString().equals("FAILED")
                || (v.get("status").asString().equals("READY") && v.get("progress").asInt() == 100);
    }

    private static List<String> names(JsonNode video) {
        return video.get("renditions").valueStream().map(r -> r.get("name").asString()).toList();
    }

    private JsonNode await(String id, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode video;
        do {
            video = api.get("/api/videos/" + id, token).json();
            if (done.test(video)) return video;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("video never reached the expected state: " + video);
    }

    private static void awaitTrue(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("never: " + what);
            Thread.sleep(100);
        }
    }
}
