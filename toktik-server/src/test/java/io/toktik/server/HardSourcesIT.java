package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.media.MediaInfo;
import io.toktik.media.VideoStream;
import io.toktik.tests.TestClips;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.assertj.core.data.Offset;
import tools.jackson.databind.JsonNode;

/**
 * Sources that need more than scaling (every one 2 s of picture), through the whole pipeline: what a player gets is
 * progressive 8-bit SDR at 60 fps or less, tagged BT.709 when the source was HDR.
 */
class HardSourcesIT extends ServerIT {
    private static TestClips clips;

    @BeforeAll
    static void clips() {
        clips = Playback.clips();
    }

    static Stream<Arguments> hardSources() {
        return Stream.of(
                Arguments.of("HDR10 HEVC", (Function<TestClips, Path>) TestClips::hdrHevc, 30, "bt709"),
                Arguments.of("HLG H.264", (Function<TestClips, Path>) TestClips::hlg, 30, "bt709"),
                Arguments.of("interlaced", (Function<TestClips, Path>) TestClips::interlaced, 30, "unknown"),
                Arguments.of("120 fps", (Function<TestClips, Path>) c -> c.highFrameRate(120), 60, "unknown"),
                Arguments.of("two audio tracks", (Function<TestClips, Path>) TestClips::twoAudioTracks, 30, "unknown"),
                Arguments.of("audio longer than video", (Function<TestClips, Path>) TestClips::audioLongerThanVideo,
                        30, "unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardSources")
    void hardSource_playsAs8BitProgressiveSdrAtACappedRate(String name, Function<TestClips, Path> clip, int fps,
                                                           String transfer) throws Exception {
        String token = api.newUser("hard_source");
        Uploads uploads = new Uploads(api);
        JsonNode video = uploads.upload(uploads.create(token, "PUBLIC"), token, clip.apply(clips), Uploads::complete);

        assertThat(video.get("durationMs").asLong()).as("the picture's duration").isBetween(1_950L, 2_050L);
        MediaInfo played = Playback.assertDecodesCompletely(api.url(video.get("hlsUrl").asString()),
                video.get("renditions").size());
        for (VideoStream v : played.videoStreams()) {
            assertThat(v.pixelFormat()).isEqualTo("yuv420p");
            assertThat(v.colorTransfer()).isEqualTo(transfer);
            assertThat(v.interlaced()).isFalse();
            assertThat(v.frameRate()).isEqualTo(fps, Offset.offset(0.01));
        }
    }
}
