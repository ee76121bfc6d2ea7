package io.toktik.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.BlobTooLargeException;
import io.toktik.tests.BlobStoreContract;
import io.toktik.tests.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link S3BlobStore} meets the blob store contract against an S3 server (s3proxy on a directory) started here. */
class S3BlobStoreIT extends BlobStoreContract {
    private static S3Server server;
    private static S3Settings settings;
    private static S3BlobStore store;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3Server.start();
        settings = new S3Settings(server.endpoint(), "us-east-1", "toktik-test", S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true);
        store = new S3BlobStore(settings);
        assertThat(store.createBucketIfMissing()).isTrue();
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (store != null) store.close();
        if (server != null) server.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void presignedGet_isAUrlThatPlainHttpCanFetch() throws Exception {
        store.write(key("hls/720p/seg_00001.ts"), text("segment bytes"), 100);
        URI url = store.presignedGet(key("hls/720p/seg_00001.ts"), Duration.ofHours(6)).orElseThrow();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("segment bytes");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        }
    }

    @Test
    void presignedGet_refusesALifetimeBeyondAWeek() {
        assertThatThrownBy(() -> store.presignedGet(key("a"), Duration.ofDays(8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.presignedGet(key("a"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeWrite_overTheLimit_leavesNoMultipartUploadBehind() throws Exception {
        try (S3Client s3 = S3Clients.client(settings)) {
            String probe = s3.createMultipartUpload(r -> r.bucket(settings.bucket()).key(key("probe"))).uploadId();
            assertThat(pendingUploads(s3)).as("the server lists uploads in progress").isOne();
            s3.abortMultipartUpload(r -> r.bucket(settings.bucket()).key(key("probe")).uploadId(probe));

            assertThatThrownBy(() -> store.write(key("large"), new GeneratedStream(LARGE, 7), LARGE / 2))
                    .isInstanceOf(BlobTooLargeException.class);
            assertThat(pendingUploads(s3)).isZero();
        }
    }

    @Test
    void abortParts_leavesNoMultipartUploadBehind() throws Exception {
        try (S3Client s3 = S3Clients.client(settings)) {
            String id = store.startParts(key("source"));
            store.putPart(key("source"), id, 1, 0, new GeneratedStream(1000, 9), 1000);
            assertThat(pendingUploads(s3)).isOne();
            store.abortParts(key("source"), id);
            assertThat(pendingUploads(s3)).isZero();
        }
    }

    @Test
    void putFile_aboveTheMultipartThreshold_roundTrips() throws Exception {
        long size = S3BlobStore.PUT_FILE_MULTIPART_THRESHOLD + 1_000_001;
        Path source = tmp.resolve("large.bin");
        try (InputStream in = new GeneratedStream(size, 8)) {
            Files.copy(in, source);
        }
        store.putFile(key("large.bin"), source);
        assertThat(store.get(key("large.bin")).orElseThrow().length()).isEqualTo(size);
        Path copy = tmp.resolve("copy.bin");
        store.download(key("large.bin"), copy);
        assertThat(sha256(Files.newInputStream(copy))).isEqualTo(sha256(Files.newInputStream(source)));
    }

    @Test
    void blob_replacedAfterItWasLookedUp_failsToOpenRatherThanMixVersions() throws Exception {
        store.write(key("master.m3u8"), text("#EXTM3U first"), 100);
        BlobStore.Blob seen = store.get(key("master.m3u8")).orElseThrow();
        store.write(key("master.m3u8"), text("#EXTM3U second, longer"), 100);
        assertThatThrownBy(() -> seen.open(0)).isInstanceOf(IOException.class).hasMessageContaining("replaced");
    }

    @Test
    void createBucketIfMissing_onAnExistingBucket_createsNothing() throws Exception {
        assertThat(store.createBucketIfMissing()).isFalse();
        store.checkBucket();
    }

    @Test
    void checkBucket_ofAMissingBucket_namesIt() {
        var missing = new S3Settings(settings.endpoint(), "us-east-1", "no-such-bucket", S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true);
        try (S3BlobStore other = new S3BlobStore(missing)) {
            assertThatThrownBy(other::checkBucket).isInstanceOf(IOException.class).hasMessageContaining("no-such-bucket");
        }
    }

    @Test
    void wrongCredentials_failWithAnIOException() {
        var wrong = new S3Settings(settings.endpoint(), "us-east-1", settings.bucket(), S3Server.ACCESS_KEY, "not-the-secret", true);
        try (S3BlobStore other = new S3BlobStore(wrong)) {
            assertThatThrownBy(() -> other.write(key("a"), text("x"), 10)).isInstanceOf(IOException.class).hasMessageContaining("PutObject");
        }
    }

    private int pendingUploads(S3Client s3) {
        return s3.listMultipartUploads(r -> r.bucket(settings.bucket()).prefix(key(""))).uploads().size();
    }
}
