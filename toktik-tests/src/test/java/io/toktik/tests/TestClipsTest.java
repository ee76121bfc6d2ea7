package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How clips are made and cached, with shell scripts standing in for ffmpeg. That every recipe gives media with the
 * advertised properties is checked by toktik-media's tests, which probe these clips made by the real ffmpeg.
 */
class TestClipsTest {

    /** Writes its environment marker and arguments, one a line, to its last argument (the output file). */
    private static final String RECORDING_FFMPEG = """
            for out; do :; done
            { echo "marker=$TOKTIK_MARKER"; printf '%s\\n' "$@"; } > "$out"
            """;

    @TempDir
    Path dir;

    @Test
    void recipesRunFfmpegWithTheRequestedLengthIntoTheClipsFile() throws Exception {
        TestClips clips = new TestClips(dir.resolve("clips"), script(RECORDING_FFMPEG), Map.of("TOKTIK_MARKER", "set"));

        Path clip = clips.landscape(Duration.ofSeconds(2));

        assertThat(clip).isEqualTo(dir.resolve("clips/landscape-2000ms.mp4"));
        assertThat(Files.readAllLines(clip)).contains("marker=set", "-nostdin",
                "testsrc2=size=640x360:rate=30:duration=2.000", "sine=frequency=440:sample_rate=48000:duration=2.000");
        assertThat(clips.landscape()).isNotEqualTo(clip);
    }

    @Test
    void clipsAreCachedByName() throws Exception {
        Path ffmpeg = script(RECORDING_FFMPEG);
        Path first = new TestClips(dir, ffmpeg).noAudio();
        Files.setLastModifiedTime(first, FileTime.fromMillis(0));

        assertThat(new TestClips(dir, ffmpeg).noAudio()).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(FileTime.fromMillis(0));
    }

    @Test
    void recipesBuiltOnOtherClipsMakeThoseFirst() throws Exception {
        TestClips clips = new TestClips(dir, script(RECORDING_FFMPEG));

        assertThat(Files.readAllLines(clips.rotatedPhone())).contains(clips.landscape().toString());
        assertThat(Files.readAllLines(clips.audioWithCoverArt())).contains(clips.stillImage().toString());
        assertThat(Files.size(clips.truncated())).isEqualTo(Files.size(clips.noAudio()) * 3 / 10);
    }

    @Test
    void filesThatAreNotMediaNeedNoFfmpeg() throws Exception {
        TestClips clips = new TestClips(dir, dir.resolve("no-such-ffmpeg"));

        assertThat(clips.zeroBytes()).isEmptyFile().hasFileName("zero-bytes.mp4");
        assertThat(Files.readString(clips.textFile())).startsWith("These are my holiday notes");
    }

    @Test
    void failedRunReportsFfmpegsOutputAndLeavesNoFileBehind() throws Exception {
        TestClips clips = new TestClips(dir, script("echo 'Unknown encoder libx264' >&2; exit 1"));

        assertThatThrownBy(clips::portrait).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with 1").hasMessageContaining("Unknown encoder libx264");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ffmpeg");
        }
    }

    @Test
    void chattyOutputDoesNotBlockTheRun() throws Exception {
        TestClips clips = new TestClips(dir, script("head -c 2000000 /dev/zero >&2\n" + RECORDING_FFMPEG));

        assertThat(clips.mjpeg()).isNotEmptyFile();
    }

    @Test
    void runThatOutlivesItsTimeoutIsKilled() throws Exception {
        FfmpegProcess endless = new FfmpegProcess(script("sleep 30"), Map.of(), Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(() -> endless.run(List.of(), dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was killed after");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void lengthMustBePositive() throws Exception {
        TestClips clips = new TestClips(dir, script(RECORDING_FFMPEG));

        assertThatThrownBy(() -> clips.landscape(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private Path script(String body) throws IOException {
        Path script = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
