package io.toktik.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.TestApi;
import io.toktik.server.cluster.ServerProcess;
import io.toktik.server.cluster.SharedServices;
import io.toktik.tests.RealServers;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tagged {@code large} (about a minute of I/O, so not in {@code ./mvnw verify}): run it with {@code bench/tus-2g}.
 * 2 GiB through tus into a server whose heap is capped at 256 MiB (its own JVM from the packaged jar, api role,
 * files on its disk): chunks stream through, never held whole. The bytes are not a video; only the upload is judged.
 */
@Tag("large")
class TwoGigabyteUploadIT {
    private static final long SIZE = 2L * 1024 * 1024 * 1024;
    private static final int PAYLOAD = 64 * 1024 * 1024;

    private static Path dir;
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        RealServers.require("PostgreSQL", "127.0.0.1", 5432);
        dir = Files.createTempDirectory("toktik-tus-2g");
        Map<String, String> env = new HashMap<>(Map.of(
                "TOKTIK_ROLES", "api",
                "TOKTIK_DATA_DIR", dir.resolve("data").toString(),
                "TOKTIK_DB", "postgres",
                "TOKTIK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + SharedServices.freshDatabase("toktik_tus_2g"),
                "TOKTIK_DB_USER", "postgres",
                "TOKTIK_UPLOAD_MAX_BYTES", Long.toString(SIZE)));
        server = ServerProcess.start("api-256m", SharedServices.freePort(), env, dir, "-Xmx256m").awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void twoGibibytes_intoA256MiBHeap_areStoredWhole() throws Exception {
        TestApi api = new TestApi(server.url(""));
        String token = api.newUser("tus_2g");
        String id = api.post("/api/videos", token, Map.of("title", "two gigabytes")).json().get("id").asString();

        TusUpload upload = new TusUpload();
        upload.setSize(SIZE);
        upload.setInputStream(new RepeatingStream(SIZE));
        upload.setFingerprint("2g-" + id);
        upload.setMetadata(Map.of("videoId", id));
        TusUploader uploader = new TusRequests(server.url(""), token).client().createUpload(upload);
        long start = System.nanoTime();
        assertThat(TusRequests.finish(uploader, PAYLOAD)).isEqualTo(SIZE);
        System.out.printf("[tus] 2 GiB into a 256 MiB heap in %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(api.get("/api/videos/" + id, token).json().get("status").asString()).as("accepted whole").isEqualTo("PROCESSING");
        assertThat(Files.size(dir.resolve("data/blobs/videos/" + id + "/source"))).isEqualTo(SIZE);
        assertThat(server.tail()).doesNotContain("OutOfMemoryError");
    }

    /** {@code size} bytes: one random mebibyte over and over. */
    private static final class RepeatingStream extends InputStream {
        private final byte[] block = new byte[1024 * 1024];
        private final long size;
        private long position;

        RepeatingStream(long size) {
            this.size = size;
            new Random(7).nextBytes(block);
        }

        @Override
        public int read() {
            return position < size ? block[(int) (position++ % block.length)] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == size) return -1;
            int at = (int) (position % block.length);
            int n = (int) Math.min(Math.min(len, block.length - at), size - position);
            System.arraycopy(block, at, b, off, n);
            position += n;
            return n;
        }
    }
}
