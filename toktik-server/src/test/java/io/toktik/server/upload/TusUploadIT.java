package io.toktik.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.upload.ResumableUploads;
import io.toktik.server.Playback;
import io.toktik.server.ServerIT;
import io.tus.java.client.TusUploader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** tus 1.0 at /api/uploads against the all-in-one server, with the standard Java tus client and by hand. */
class TusUploadIT extends ServerIT {
    private static Path clip;

    @LocalServerPort
    int localPort;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ResumableUploads uploads;

    private String token;
    private TusRequests tus;

    @BeforeAll
    static void makeClip() {
        clip = Playback.clips().landscape(Duration.ofSeconds(2));
    }

    @BeforeEach
    void signIn() {
        token = api.newUser("tus");
        tus = new TusRequests("http://127.0.0.1:" + localPort, token);
    }

    @Test
    void javaTusClient_uploadsInChunks_andTheVideoGoesToProcessing() throws Exception {
        String id = newVideo();
        TusUploader uploader = tus.client().createUpload(TusRequests.upload(clip, id));
        assertThat(TusRequests.finish(uploader, 64 * 1024)).isEqualTo(Files.size(clip));

        assertThat(api.get("/api/videos/" + id, token).json().get("status").asString()).isIn("PROCESSING", "READY");
        assertThat(storedSource(id)).hasSameBinaryContentAs(clip);
        String url = uploader.getUploadURL().toString();
        assertThat(tus.offset(url)).as("a finished upload says so").isEqualTo(Files.size(clip));
        assertThat(tus.patch(url, Files.size(clip), new byte[0], Map.of()).statusCode()).isEqualTo(204);
        assertThat(tus.patch(url, Files.size(clip), random(1, 12), Map.of()).statusCode()).isEqualTo(413);
        assertThat(tus.delete(url).statusCode()).isEqualTo(204);
        assertThat(storedSource(id)).as("terminating a finished upload keeps the video's source").hasSameBinaryContentAs(clip);
    }

    @Test
    void connectionLostMidChunk_keepsWhatArrived_andTheClientResumesFromHead() throws Exception {
        String id = newVideo();
        byte[] bytes = Files.readAllBytes(clip);
        String url = tus.createUpload(id, bytes.length);
        int announced = bytes.length / 2;
        tus.patchAndHangUp(url, 0, bytes, announced, announced / 2);

        long offset = awaitOffsetMoved(url);
        assertThat(offset).as("every byte that arrived is kept").isEqualTo(announced / 2);
        TusUploader uploader = tus.client().beginOrResumeUploadFromURL(TusRequests.upload(clip, id), TusRequests.url(url));
        assertThat(uploader.getOffset()).isEqualTo(offset);
        assertThat(TusRequests.finish(uploader, 48 * 1024)).isEqualTo(bytes.length);

        assertThat(storedSource(id)).hasSameBinaryContentAs(clip);
        assertThat(api.get("/api/videos/" + id, token).json().get("status").asString()).isIn("PROCESSING", "READY");
    }

    @Test
    void aChunkOvertakenByALaterOne_is409_andNoneOfItsLateBytesReachTheSource() throws Exception {
        String id = newVideo();
        byte[] bytes = Files.readAllBytes(clip);
        String url = tus.createUpload(id, bytes.length);
        byte[] stale = random(400 * 1024, 13);
        int early = 300 * 1024; // more than the slice a part is written in, so the stale chunk has begun its part
        try (Socket first = tus.beginPatch(url, 0, stale.length)) {
            first.getOutputStream().write(stale, 0, early);
            first.getOutputStream().flush();
            awaitPartBegun(url);

            assertThat(tus.patch(url, 0, Arrays.copyOf(bytes, early), Map.of()).statusCode()).as("a later request at the same offset").isEqualTo(204);
            first.getOutputStream().write(stale, early, stale.length - early);
            first.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).as("the overtaken chunk").contains(" 409 ");
        }
        assertThat(tus.offset(url)).isEqualTo(early);
        assertThat(tus.patch(url, early, Arrays.copyOfRange(bytes, early, bytes.length), Map.of()).statusCode()).isEqualTo(204);
        assertThat(storedSource(id)).hasSameBinaryContentAs(clip);
    }

    @Test
    void checksumMismatch_is460_andNothingOfTheChunkIsKept() {
        String url = tus.createUpload(newVideo(), 1000);
        byte[] chunk = random(400, 1);
        HttpResponse<String> wrong = tus.patch(url, 0, chunk, Map.of("Upload-Checksum", "sha1 " + sha1(random(400, 2))));
        assertThat(wrong.statusCode()).isEqualTo(460);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrong.body()).contains("Upload-Checksum");
        assertThat(tus.offset(url)).isZero();

        HttpResponse<String> right = tus.patch(url, 0, chunk, Map.of("Upload-Checksum", "sha1 " + sha1(chunk)));
        assertThat(right.statusCode()).isEqualTo(204);
        assertThat(right.headers().firstValue("Upload-Offset")).hasValue("400");
    }

    @Test
    void moreBytesThanTheUploadLength_areRefused_andNothingIsKept() {
        String url = tus.createUpload(newVideo(), 1000);
        assertThat(tus.patch(url, 0, random(600, 3), Map.of()).statusCode()).isEqualTo(204);
        HttpResponse<String> over = tus.patch(url, 600, random(401, 4), Map.of());
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.body()).contains("length");
        assertThat(tus.offset(url)).isEqualTo(600);
    }

    @Test
    void options_tellsVersionExtensionsMaxSizeAndChecksums_withoutSigningIn() {
        HttpResponse<String> r = new TusRequests("http://127.0.0.1:" + localPort, null).send("OPTIONS", "/api/uploads", Map.of(), new byte[0]);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(r.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        assertThat(r.headers().firstValue("Tus-Extension").orElseThrow().split(","))
                .contains("creation", "termination", "checksum", "expiration");
        assertThat(r.headers().firstValue("Tus-Max-Size")).hasValue(Long.toString(UPLOAD_LIMIT));
        assertThat(r.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha1");
    }

    @Test
    void browserClients_mayReadTheTusHeaders() {
        HttpResponse<String> preflight = new TusRequests("http://127.0.0.1:" + localPort, null).send("OPTIONS", "/api/uploads/" + UUID.randomUUID(),
                Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "PATCH",
                        "Access-Control-Request-Headers", "authorization,tus-resumable,upload-offset,content-type"), new byte[0]);
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PATCH");

        HttpResponse<String> created = tus.create(newVideo(), 10, Map.of("Origin", "https://app.example"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("Location", "Upload-Offset", "Tus-Resumable", "Upload-Expires");
    }

    @Test
    void termination_answers404Afterwards_andFreesTheStorage() {
        String url = tus.createUpload(newVideo(), 1000);
        assertThat(tus.patch(url, 0, random(300, 5), Map.of()).statusCode()).isEqualTo(204);
        Path parts = partsDir(url);
        assertThat(parts).isNotEmptyDirectory();

        assertThat(tus.delete(url).statusCode()).isEqualTo(204);
        assertThat(parts).doesNotExist();
        assertThat(tus.head(url).statusCode()).isEqualTo(404);
        assertThat(tus.patch(url, 300, random(10, 6), Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void expiredUpload_isGone_andTheSweepFreesItsStorage() {
        String url = tus.createUpload(newVideo(), 1000);
        HttpResponse<String> created = tus.head(url);
        assertThat(created.headers().firstValue("Upload-Expires").orElseThrow()).endsWith("GMT");
        assertThat(tus.patch(url, 0, random(300, 7), Map.of()).statusCode()).isEqualTo(204);
        Path parts = partsDir(url);
        jdbc.sql("update uploads set expires_at = now() - interval '1 second' where id = ?").param(uploadId(url)).update();

        assertThat(tus.head(url).statusCode()).isEqualTo(410);
        assertThat(tus.patch(url, 300, random(10, 8), Map.of()).statusCode()).isEqualTo(410);
        assertThat(uploads.sweepExpired()).isGreaterThanOrEqualTo(1);
        assertThat(parts).doesNotExist();
        assertThat(tus.head(url).statusCode()).isEqualTo(404);
    }

    @Test
    void someoneElsesUploadOrVideo_isForbidden() {
        String video = newVideo();
        String url = tus.createUpload(video, 1000);
        TusRequests other = new TusRequests("http://127.0.0.1:" + localPort, api.newUser("tus_other"));
        assertThat(other.head(url).statusCode()).isEqualTo(403);
        assertThat(other.patch(url, 0, random(10, 9), Map.of()).statusCode()).isEqualTo(403);
        assertThat(other.delete(url).statusCode()).isEqualTo(403);
        assertThat(other.create(video, 1000, Map.of()).statusCode()).as("a draft is not even visible to others").isEqualTo(404);
        assertThat(tus.offset(url)).isZero();
    }

    @Test
    void badHeaders_are4xxProblems_thatSayWhatIsWrong() {
        String video = newVideo();
        assertProblem(tus.create(video, 1000, Map.of("Tus-Resumable", "0.2.2")), 412, "Tus-Resumable");
        assertProblem(tus.create(video, 1000, Map.of("Upload-Length", "-5")), 400, "Upload-Length");
        assertProblem(tus.create(video, 1000, without("Upload-Length")), 400, "Upload-Length");
        assertProblem(tus.create(video, 0, Map.of()), 400, "empty");
        assertProblem(tus.create(video, UPLOAD_LIMIT + 1, Map.of()), 413, "Tus-Max-Size");
        assertProblem(tus.create(video, 1000, Map.of("Upload-Defer-Length", "1")), 400, "Upload-Length");
        assertProblem(tus.create(video, 1000, Map.of("Upload-Metadata", "filename Y2xpcC5tcDQ=")), 400, "videoId");
        assertProblem(tus.create(video, 1000, Map.of("Upload-Metadata", "videoId %%%")), 400, "base64");
        assertProblem(tus.create(video, 1000, Map.of("Upload-Metadata", TusRequests.metadata("not-an-id"))), 400, "videoId");
        assertProblem(tus.create(UUID.randomUUID().toString(), 1000, Map.of()), 404, "Video");
        assertProblem(new TusRequests("http://127.0.0.1:" + localPort, null).create(video, 1000, Map.of()), 401, "Sign in");

        String url = tus.createUpload(video, 1000);
        assertProblem(tus.patch(url, 0, random(10, 10), Map.of("Content-Type", "application/octet-stream")), 415, "offset+octet-stream");
        assertProblem(tus.patch(url, 0, random(10, 10), without("Upload-Offset")), 400, "Upload-Offset");
        assertProblem(tus.patch(url, 0, random(10, 10), Map.of("Upload-Offset", "abc")), 400, "Upload-Offset");
        assertProblem(tus.patch(url, 5, random(10, 10), Map.of()), 409, "offset");
        assertProblem(tus.patch(url, 0, random(10, 10), Map.of("Upload-Checksum", "md5 " + sha1(random(10, 10)))), 400, "sha1");
        assertProblem(tus.patch(url, 0, random(10, 10), Map.of("Upload-Checksum", "sha1 !!")), 400, "SHA-1");
        assertProblem(tus.patch(url, 0, random(10, 10), without("Tus-Resumable")), 412, "Tus-Resumable");
        assertProblem(tus.patch(url.replaceAll("/[^/]+$", "/nope"), 0, random(10, 10), Map.of()), 404, "Upload");
        assertThat(tus.offset(url)).isZero();
    }

    @Test
    void aCompletedVideo_takesNoFurtherUpload() {
        String video = newVideo();
        assertThat(api.putFile("/api/videos/" + video + "/source", token, clip).status()).isEqualTo(202);
        assertProblem(tus.create(video, 1000, Map.of()), 409, "already has its file");
    }

    @Test
    void methodOverride_letsAPostActAsPatchOrDelete() {
        String url = tus.createUpload(newVideo(), 100);
        Map<String, String> patch = new HashMap<>(Map.of("X-HTTP-Method-Override", "PATCH", "Tus-Resumable", "1.0.0",
                "Upload-Offset", "0", "Content-Type", "application/offset+octet-stream"));
        assertThat(tus.send("POST", url, patch, random(40, 11)).statusCode()).isEqualTo(204);
        assertThat(tus.offset(url)).isEqualTo(40);
        assertThat(tus.send("POST", url, Map.of("X-HTTP-Method-Override", "DELETE", "Tus-Resumable", "1.0.0"), new byte[0]).statusCode())
                .isEqualTo(204);
        assertThat(tus.head(url).statusCode()).isEqualTo(404);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String mentions) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        assertThat(r.body()).contains(mentions);
    }

    /** Headers that leave out one the helper would send. */
    private static Map<String, String> without(String header) {
        Map<String, String> headers = new HashMap<>();
        headers.put(header, null);
        return headers;
    }

    private String newVideo() {
        return api.post("/api/videos", token, Map.of("title", "tus upload")).json().get("id").asString();
    }

    private long awaitOffsetMoved(String url) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long offset = tus.offset(url);
            if (offset > 0) return offset;
            Thread.sleep(50);
        }
        throw new AssertionError("the bytes of the broken chunk were never recorded");
    }

    /** Waits until a request has taken the upload's first part number. */
    private void awaitPartBegun(String url) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            int next = jdbc.sql("select next_part from uploads where id = ?").param(uploadId(url)).query(Integer.class).single();
            if (next > 1) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the first chunk never began its part");
    }

    private Path storedSource(String videoId) {
        return DATA_DIR.resolve("blobs/videos/" + videoId + "/source");
    }

    private Path partsDir(String url) {
        String handle = jdbc.sql("select store_handle from uploads where id = ?").param(uploadId(url)).query(String.class).single();
        return DATA_DIR.resolve("blobs/.multipart/" + handle);
    }

    private static UUID uploadId(String url) {
        return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha1(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
