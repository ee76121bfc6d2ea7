package io.toktik.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the all-in-one server (roles api, worker, realtime) on embedded defaults and a random port, once
 * per test JVM: every integration test talks to it over HTTP like any client would. Sources longer than 8 s are
 * transcoded in chunks (the test clips are shorter, except where a test wants chunks).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"toktik.upload.max-bytes=52428800", "toktik.worker.concurrency=2", "toktik.media.chunk-seconds=8"})
public abstract class ServerIT {
    /** 50 MiB: small enough to test the limit cheaply. */
    protected static final long UPLOAD_LIMIT = 52_428_800L;
    protected static final Path DATA_DIR = tempDir();

    @LocalServerPort
    int port;

    protected TestApi api;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("toktik.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void client() {
        api = new TestApi("http://127.0.0.1:" + port); // the static ffmpeg cannot resolve host names (no NSS)
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("toktik-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
