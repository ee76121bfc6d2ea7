package io.toktik.media;

import static io.toktik.media.Fixtures.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.media.MediaException.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void bundledBinaryIsStaticFfmpeg44() {
        Ffmpeg ffmpeg = Ffmpeg.locate(null, dir);

        assertThat(ffmpeg.executable()).startsWith(dir).isExecutable();
        assertThat(ffmpeg.version()).startsWith("ffmpeg version 4.4.1");
    }

    @Test
    void extractsOnceAndReusesTheBinary() throws Exception {
        Path first = Ffmpeg.locate(" ", dir).executable();
        FileTime longAgo = FileTime.fromMillis(0);
        Files.setLastModifiedTime(first, longAgo);

        Path second = Ffmpeg.locate(null, dir).executable();

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(longAgo);
    }

    @Test
    void replacesAHalfWrittenBinary() throws Exception {
        Path binary = Ffmpeg.locate(null, dir).executable();
        Files.write(binary, new byte[] {1, 2, 3});

        Ffmpeg ffmpeg = Ffmpeg.locate(null, dir);

        assertThat(ffmpeg.version()).startsWith("ffmpeg version");
    }

    @Test
    void concurrentExtractionsAllGetAWorkingBinary() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> versions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                versions.add(pool.submit(() -> Ffmpeg.locate(null, dir).version()));
            }
            for (Future<String> version : versions) {
                assertThat(version.get()).startsWith("ffmpeg version");
            }
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overrideMayBeAPath() {
        Path bundled = FFMPEG.executable();

        assertThat(Ffmpeg.locate(bundled.toString(), dir).executable()).isEqualTo(bundled);
    }

    @Test
    void overrideMayBeACommandNameOnPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path wrapper = Files.writeString(bin.resolve("my-ffmpeg"),
                "#!/bin/sh\nexec '" + FFMPEG.executable() + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        Ffmpeg ffmpeg = Ffmpeg.locate("my-ffmpeg", null, "/nonexistent:" + bin);

        assertThat(ffmpeg.executable()).isEqualTo(wrapper);
        assertThat(ffmpeg.version()).startsWith("ffmpeg version");
    }

    @Test
    void missingOverrideIsAClearConfigurationError() {
        assertThatThrownBy(() -> Ffmpeg.locate("no-such-ffmpeg", null, dir.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not found on PATH");
        assertThatThrownBy(() -> Ffmpeg.locate(dir.resolve("nope").toString(), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an executable");
    }

    @Test
    void failedRunKeepsTheEndOfStderr() throws Exception {
        ProcessResult result = FFMPEG.run(List.of("-nostdin", "-i", dir.resolve("missing.mp4").toString(),
                "-f", "null", "-"), TIMEOUT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderrTail()).contains("No such file or directory");
        assertThatThrownBy(() -> result.orThrow("We couldn't convert this video."))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.TRANSCODE_FAILED);
                    assertThat(e.getMessage()).isEqualTo("We couldn't convert this video.");
                    assertThat(e.detail()).contains("No such file or directory");
                });
    }

    @Test
    void chattyStderrNeitherBlocksNorGrowsUnbounded() throws Exception {
        ProcessResult result = FFMPEG.run(List.of("-nostdin", "-loglevel", "debug", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:duration=2", "-f", "null", "-"), TIMEOUT);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stderrTail().length()).isLessThanOrEqualTo(4096);
        assertThat(result.stderrTail()).isNotBlank();
    }

    @Test
    void stdoutIsDeliveredLineByLineEvenIfTheConsumerThrows() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        ProcessResult result = FFMPEG.run(List.of("-nostdin", "-progress", "pipe:1", "-nostats", "-f",
                "lavfi", "-i", "testsrc2=size=160x120:duration=1", "-f", "null", "-"), TIMEOUT, line -> {
                    lines.add(line);
                    throw new IllegalStateException("consumer bug");
                });

        assertThat(result.succeeded()).isTrue();
        assertThat(lines).contains("progress=end");
    }

    @Test
    void runThatOutlivesItsTimeoutIsKilled() {
        List<String> endless = List.of("-nostdin", "-re", "-f", "lavfi", "-i", "testsrc2", "-f", "null", "-");

        assertThatThrownBy(() -> FFMPEG.run(endless, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.TIMEOUT);
                    assertThat(e.getMessage()).contains("took longer than");
                });
    }

    @Test
    void interruptedRunIsCancelled() {
        List<String> endless = List.of("-nostdin", "-re", "-f", "lavfi", "-i", "testsrc2", "-f", "null", "-");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> FFMPEG.run(endless, TIMEOUT))
                    .isInstanceOfSatisfying(MediaException.class,
                            e -> assertThat(e.code()).isEqualTo(Code.CANCELLED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
