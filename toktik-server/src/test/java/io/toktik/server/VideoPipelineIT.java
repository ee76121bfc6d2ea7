package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.media.MediaInfo;
import io.toktik.media.VideoStream;
import io.toktik.tests.TestClips;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Upload → probe → ladder → HLS → playback, through the real server, with libavformat and ffmpeg as the clients. */
class VideoPipelineIT extends ServerIT {
    private static TestClips clips;

    @BeforeAll
    static void clips() throws Exception {
        clips = Playback.clips();
    }

    @Test
    void uploadedClip_becomesReady_andEveryRenditionDecodesOverHttp() {
        String token = api.newUser("uploader");
        JsonNode draft = create(token, "Sunset #beach", "PUBLIC");
        assertThat(draft.get("status").asString()).isEqualTo("UPLOADING");
        assertThat(draft.get("upload").get("putUrl").asString()).isEqualTo("/api/videos/" + draft.get("id").asString() + "/source");

        TestApi.Response accepted = api.putFile(draft.get("upload").get("putUrl").asString(), token, clips.landscape(Duration.ofSeconds(6)));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("status").asString()).isEqualTo("PROCESSING");

        JsonNode video = awaitComplete(draft.get("id").asString(), token);
        assertThat(video.get("status").asString()).isEqualTo("READY");
        assertThat(video.get("width").asInt()).isEqualTo(640);
        assertThat(video.get("height").asInt()).isEqualTo(360);
        assertThat(video.get("durationMs").asLong()).isBetween(5_900L, 6_200L);
        assertThat(names(video)).containsExactly("240p", "360p");
        assertThat(video.get("hashtags").get(0).asString()).isEqualTo("beach");

        String master = api.url(video.get("hlsUrl").asString());
        TestApi.Response playlist = api.get(master, null);
        assertThat(playlist.header("Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(playlist.header("Cache-Control")).contains("max-age=2");
        assertThat(playlist.text()).contains("RESOLUTION=426x240", "RESOLUTION=640x360", "CODECS=\"avc1.", "mp4a.40.2");

        Playback.assertDecodesCompletely(master, 2);

        TestApi.Response lowest = api.get(master.replace("master.m3u8", "240p/index.m3u8"), null);
        assertThat(lowest.text()).as("published as it was encoded, then closed")
                .contains("#EXT-X-PLAYLIST-TYPE:EVENT").endsWith("#EXT-X-ENDLIST\n");
        assertThat(lowest.header("Cache-Control")).contains("max-age=300");

        String segment = master.replace("master.m3u8", "240p/seg_00000.ts");
        TestApi.Response range = api.get(segment, null, Map.of("Range", "bytes=0-187"));
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).hasSize(188);
        assertThat(range.body()[0]).as("MPEG-TS sync byte").isEqualTo((byte) 0x47);
        assertThat(range.header("Content-Type")).isEqualTo("video/mp2t");
        assertThat(range.header("Cache-Control")).contains("max-age=31536000", "immutable");

        TestApi.Response poster = api.get(video.get("thumbnailUrl").asString(), null);
        assertThat(poster.status()).isEqualTo(200);
        assertThat(poster.header("Content-Type")).isEqualTo("image/jpeg");
    }

    static Stream<Arguments> playableSources() {
        return Stream.of(
                Arguments.of("portrait", (Function<TestClips, Path>) TestClips::portrait, true),
                Arguments.of("rotated phone video", (Function<TestClips, Path>) TestClips::rotatedPhone, true),
                Arguments.of("odd dimensions", (Function<TestClips, Path>) TestClips::oddSize, false),
                Arguments.of("no audio", (Function<TestClips, Path>) TestClips::noAudio, false),
                Arguments.of("10-bit 4:4:4", (Function<TestClips, Path>) TestClips::tenBit444, false),
                Arguments.of("variable frame rate", (Function<TestClips, Path>) TestClips::variableFrameRate, false),
                Arguments.of("MPEG-4 part 2", (Function<TestClips, Path>) TestClips::mpeg4Part2, false),
                Arguments.of("MJPEG", (Function<TestClips, Path>) TestClips::mjpeg, false),
                Arguments.of("Cinepak", (Function<TestClips, Path>) TestClips::cinepak, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playableSources")
    void hardButValidSources_becomePlayableHls(String name, Function<TestClips, Path> clip, boolean portrait) {
        String token = api.newUser("hard");
        JsonNode draft = create(token, name, "UNLISTED");
        assertThat(api.putFile("/api/videos/" + draft.get("id").asString() + "/source", token, clip.apply(clips)).status()).isEqualTo(202);

        JsonNode video = awaitComplete(draft.get("id").asString(), token);
        assertThat(video.get("status").asString()).as(String.valueOf(video.get("error"))).isEqualTo("READY");
        for (JsonNode r : video.get("renditions")) {
            assertThat(r.get("width").asInt() % 2).isZero();
            assertThat(r.get("height").asInt() % 2).isZero();
            assertThat(r.get("height").asInt() > r.get("width").asInt()).as("portrait").isEqualTo(portrait);
        }
        MediaInfo played = Playback.assertDecodesCompletely(api.url(video.get("hlsUrl").asString()), video.get("renditions").size());
        for (VideoStream v : played.videoStreams()) {
            assertThat(v.pixelFormat()).isEqualTo("yuv420p");
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("a text file", (Function<TestClips, Path>) TestClips::textFile, "NOT_A_VIDEO"),
                Arguments.of("a still image", (Function<TestClips, Path>) TestClips::stillImage, "STILL_IMAGE"),
                Arguments.of("audio only", (Function<TestClips, Path>) TestClips::audioOnly, "NO_VIDEO_STREAM"),
                Arguments.of("a truncated video", (Function<TestClips, Path>) TestClips::truncated, "NOT_A_VIDEO"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInput_failsWithAReasonAPersonUnderstands(String name, Function<TestClips, Path> clip, String code) {
        String token = api.newUser("bad");
        JsonNode draft = create(token, name, "PUBLIC");
        assertThat(api.putFile("/api/videos/" + draft.get("id").asString() + "/source", token, clip.apply(clips)).status()).isEqualTo(202);

        JsonNode video = await(draft.get("id").asString(), token, v -> v.get("status").asString().equals("FAILED"));
        assertThat(video.get("error").get("code").asString()).isEqualTo(code);
        assertThat(video.get("error").get("message").asString()).isNotBlank().doesNotContain("Exception", "ffmpeg", "avformat");
        assertThat(video.get("hlsUrl").isNull()).isTrue();
    }

    @Test
    void emptyUpload_isRefusedAtOnce() {
        String token = api.newUser("empty");
        JsonNode draft = create(token, "nothing", "PUBLIC");
        TestApi.Response r = api.putBytes("/api/videos/" + draft.get("id").asString() + "/source", token, new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("empty");
    }

    @Test
    void uploadOverTheLimit_is413_whetherDeclaredOrStreamed() throws Exception {
        String token = api.newUser("big");
        String id = create(token, "too big", "PUBLIC").get("id").asString();
        URI uri = URI.create(api.url("/api/videos/" + id + "/source"));
        HttpClient http = HttpClient.newHttpClient();

        HttpRequest declared = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(UPLOAD_LIMIT + 1)), UPLOAD_LIMIT + 1))
                .build();
        HttpResponse<String> r1 = http.send(declared, HttpResponse.BodyHandlers.ofString());
        assertThat(r1.statusCode()).isEqualTo(413);
        assertThat(r1.body()).contains("50 MiB");

        HttpRequest chunked = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(UPLOAD_LIMIT + 1))).build();
        assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        assertThat(api.get("/api/videos/" + id, token).json().get("status").asString()).isEqualTo("UPLOADING");
    }

    @Test
    void secondUpload_isAConflict() {
        String token = api.newUser("twice");
        String id = create(token, "twice", "PUBLIC").get("id").asString();
        assertThat(api.putFile("/api/videos/" + id + "/source", token, clips.landscape()).status()).isEqualTo(202);
        assertThat(api.putFile("/api/videos/" + id + "/source", token, clips.landscape()).status()).isEqualTo(409);
    }

    @Test
    void delete_removesTheVideoAndEveryStoredFile() {
        String token = api.newUser("deleter");
        String id = create(token, "short-lived", "PUBLIC").get("id").asString();
        api.putFile("/api/videos/" + id + "/source", token, clips.landscape());
        JsonNode video = awaitComplete(id, token);
        String master = api.url(video.get("hlsUrl").asString());
        assertThat(api.get(master, null).status()).isEqualTo(200);

        assertThat(api.delete("/api/videos/" + id, token).status()).isEqualTo(204);
        assertThat(api.get("/api/videos/" + id, token).status()).isEqualTo(404);
        assertThat(api.get(master, null).status()).isEqualTo(404);
        assertThat(DATA_DIR.resolve("blobs/videos/" + id)).doesNotExist();
    }

    @Test
    void onlyTheOwnerMayChangeAVideo_andDraftsAreHiddenFromOthers() {
        String owner = api.newUser("owner");
        String other = api.newUser("other");
        String id = create(owner, "mine", "PUBLIC").get("id").asString();
        String path = "/api/videos/" + id;

        assertThat(api.get(path, other).status()).as("a draft is not visible to others").isEqualTo(404);
        assertThat(api.putFile(path + "/source", other, clips.landscape()).status()).isEqualTo(404);
        assertThat(api.putFile(path + "/source", null, clips.landscape()).status()).isEqualTo(401);
        assertThat(api.putFile(path + "/source", owner, clips.landscape()).status()).isEqualTo(202);
        awaitComplete(id, owner);

        assertThat(api.get(path, null).status()).isEqualTo(200);
        assertThat(api.patch(path, other, Map.of("title", "stolen")).status()).isEqualTo(403);
        assertThat(api.patch(path, null, Map.of("title", "stolen")).status()).isEqualTo(401);
        assertThat(api.delete(path, other).status()).isEqualTo(403);
        assertThat(api.delete(path, null).status()).isEqualTo(401);

        TestApi.Response edited = api.patch(path, owner, Map.of("title", "Renamed #NewTag", "visibility", "PRIVATE"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Renamed #NewTag");
        assertThat(edited.json().get("hashtags").get(0).asString()).isEqualTo("newtag");
        assertThat(api.get(path, other).status()).as("private now").isEqualTo(404);
        assertThat(api.patch(path, owner, Map.of("visibility", "SECRET")).status()).isEqualTo(400);
    }

    @Test
    void userVideos_ownerSeesEveryStatus_othersOnlyPublishedPublicOnes() {
        String owner = api.newUser("lister");
        String username = api.get("/api/me", owner).json().get("username").asString();
        create(owner, "draft", "PUBLIC");
        String listPath = "/api/users/" + username + "/videos";
        assertThat(api.get(listPath, owner).json().get("items")).hasSize(1);
        assertThat(api.get(listPath, null).json().get("items")).isEmpty();
        assertThat(api.get("/api/users/nobody_at_all/videos", null).status()).isEqualTo(404);
        assertThat(api.get(listPath + "?limit=0", null).status()).isEqualTo(400);
        assertThat(api.get(listPath + "?cursor=garbage", null).status()).isEqualTo(400);
    }

    private JsonNode create(String token, String title, String visibility) {
        TestApi.Response r = api.post("/api/videos", token, Map.of("title", title, "description", "made by a test", "visibility", visibility));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** Waits for READY at 100 % (or FAILED). */
    private JsonNode awaitComplete(String id, String token) {
        return await(id, token, v -> v.get("status").asString().equals("FAILED")
                || (v.get("status").asString().equals("READY") && v.get("progress").asInt() == 100));
    }

    private JsonNode await(String id, String token, java.util.function.Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode video;
        do {
            video = api.get("/api/videos/" + id, token).json();
            if (done.test(video)) return video;
            sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("video never reached the expected state: " + video);
    }


    private static List<String> names(JsonNode video) {
        return video.get("renditions").valueStream().map(r -> r.get("name").asString()).toList();
    }

    private static InputStream zeros(long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
