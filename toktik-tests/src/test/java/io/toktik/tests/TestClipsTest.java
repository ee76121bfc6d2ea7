package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.media.MediaException;
import io.toktik.media.MediaException.Code;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.VideoStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestClipsTest {

    @TempDir
    static Path dir;

    private final TestClips clips = new TestClips(dir);
    private final MediaProber prober = new MediaProber();

    @Test
    void landscapeHasTheRequestedLengthAndAudio() throws Exception {
        MediaInfo info = prober.probe(clips.landscape(Duration.ofSeconds(2)));

        assertThat(info.durationMs()).isBetween(1900L, 2100L);
        assertThat(info.video().width()).isEqualTo(640);
        assertThat(info.hasAudio()).isTrue();
    }

    @Test
    void clipsAreCachedByName() throws Exception {
        Path first = clips.noAudio();
        Files.setLastModifiedTime(first, FileTime.fromMillis(0));

        assertThat(new TestClips(dir, clips.ffmpeg()).noAudio()).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(FileTime.fromMillis(0));
    }

    @Test
    void videoClipsHaveTheAdvertisedProperties() throws Exception {
        assertThat(video(clips.portrait()).displayHeight()).isEqualTo(640);
        assertThat(video(clips.rotatedPhone()).displayHeight()).isEqualTo(640);
        assertThat(video(clips.rotatedPhone()).height()).isEqualTo(360);
        assertThat(video(clips.oddSize()).width()).isEqualTo(321);
        assertThat(prober.probe(clips.noAudio()).hasAudio()).isFalse();
        assertThat(video(clips.tenBit444()).bitDepth()).isEqualTo(10);
        assertThat(video(clips.variableFrameRate()).variableFrameRate()).isTrue();
        assertThat(video(clips.mpeg4Part2()).codec()).isEqualTo("mpeg4");
        assertThat(video(clips.mjpeg()).codec()).isEqualTo("mjpeg");
        assertThat(video(clips.cinepak()).codec()).isEqualTo("cinepak");
    }

    @Test
    void badInputsAreRejectedForTheRightReason() {
        assertCode(clips.stillImage(), Code.STILL_IMAGE);
        assertCode(clips.audioOnly(), Code.NO_VIDEO_STREAM);
        assertCode(clips.truncated(), Code.NOT_A_VIDEO);
        assertCode(clips.zeroBytes(), Code.EMPTY_FILE);
        assertCode(clips.textFile(), Code.NOT_A_VIDEO);
    }

    private VideoStream video(Path clip) throws MediaException {
        return prober.probe(clip).video();
    }

    private void assertCode(Path clip, Code code) {
        assertThatThrownBy(() -> prober.probe(clip)).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
