package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.media.Ffmpeg;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.ProcessResult;
import io.toktik.tests.TestClips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Plays HLS over HTTP as third-party clients do, and makes the clips to upload. */
public final class Playback {
    public static final Ffmpeg FFMPEG = Ffmpeg.locate(System.getenv("TOKTIK_FFMPEG"),
            Path.of(System.getProperty("java.io.tmpdir"), "toktik-ffmpeg"));

    private Playback() {}

    public static TestClips clips() {
        try {
            return new TestClips(Files.createTempDirectory("toktik-clips"), FFMPEG.executable());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** libavformat (ffprobe's library) sees every rendition; ffmpeg decodes every stream of every one without error. */
    public static MediaInfo assertDecodesCompletely(String masterUrl, int renditions) {
        MediaInfo info;
        try {
            info = new MediaProber().probe(masterUrl);
        } catch (Exception e) {
            throw new AssertionError("probing " + masterUrl, e);
        }
        assertThat(info.videoStreams()).hasSize(renditions);
        ProcessResult decoded;
        try {
            decoded = FFMPEG.run(List.of("-v", "error", "-i", masterUrl, "-map", "0", "-f", "null", "-"), Duration.ofMinutes(2));
        } catch (Exception e) {
            throw new AssertionError("decoding " + masterUrl, e);
        }
        assertThat(decoded.exitCode()).isZero();
        assertThat(decoded.stderrTail()).as("decoder errors").isBlank();
        return info;
    }
}
