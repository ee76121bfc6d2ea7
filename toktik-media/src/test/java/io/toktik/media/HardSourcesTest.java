package io.toktik.media;

import static io.toktik.media.Fixtures.CLIPS;
import static io.toktik.media.Fixtures.FFMPEG;
import static io.toktik.media.HlsChecks.assertDecodesCleanly;
import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.tests.TestClips;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sources that need more than scaling, each generated with ffmpeg, encoded to HLS and checked as a player sees it. */
class HardSourcesTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** One AAC frame (21 ms) plus one video frame at 30 fps, with room for rounding. */
    private static final Offset<Double> ONE_FRAME = Offset.offset(0.06);
    private static final MediaProber PROBER = new MediaProber();
    private static final HlsEncoder ENCODER = new HlsEncoder(FFMPEG);

    @TempDir
    Path out;

    static Stream<Arguments> hdrSources() {
        return Stream.of(
                Arguments.of("PQ, 10-bit H.264", (Supplier<Path>) CLIPS::hdr),
                Arguments.of("PQ, 10-bit HEVC", (Supplier<Path>) CLIPS::hdrHevc),
                Arguments.of("HLG, 10-bit H.264", (Supplier<Path>) CLIPS::hlg));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hdrSources")
    void hdrIsToneMappedTo8BitBt709(String what, Supplier<Path> clip) throws Exception {
        MediaInfo source = PROBER.probe(clip.get());
        assertThat(source.video().hdr()).isTrue();
        assertThat(source.video().colorPrimaries()).isEqualTo("bt2020");

        Path playlist = encodeLowest(clip.get());

        VideoStream video = PROBER.probe("file:" + playlist).video();
        assertThat(video.pixelFormat()).isEqualTo("yuv420p");
        assertThat(video.bitDepth()).isEqualTo(8);
        assertThat(List.of(video.colorTransfer(), video.colorPrimaries(), video.colorSpace()))
                .containsOnly("bt709");
        assertDecodesCleanly(playlist);
    }

    @Test
    void interlacedComesOutProgressive() throws Exception {
        VideoStream source = PROBER.probe(CLIPS.interlaced()).video();
        assertThat(source.fieldOrder()).isEqualTo("tt");
        assertThat(HlsChecks.interlacedShare(CLIPS.interlaced())).isGreaterThan(0.9);

        Path playlist = encodeLowest(CLIPS.interlaced());

        VideoStream video = PROBER.probe("file:" + playlist).video();
        assertThat(video.interlaced()).isFalse();
        assertThat(HlsChecks.interlacedShare(playlist)).isLessThan(0.2);
        assertThat(video.frameRate()).isEqualTo(30.0, Offset.offset(0.01));
        assertDecodesCleanly(playlist);
    }

    @ParameterizedTest(name = "{0} fps → {1} fps")
    @MethodSource("highFrameRates")
    void highFrameRatesAreHalvedEvenly(int sourceFps, int expectedFps) throws Exception {
        Path clip = CLIPS.highFrameRate(sourceFps);
        assertThat(PROBER.probe(clip).video().frameRate()).isEqualTo(sourceFps, Offset.offset(0.01));

        Path playlist = encodeLowest(clip);

        assertThat(PROBER.probe("file:" + playlist).video().frameRate()).isEqualTo(expectedFps, Offset.offset(0.01));
        assertDecodesCleanly(playlist);
    }

    static Stream<Arguments> highFrameRates() {
        return Stream.of(Arguments.of(120, 60), Arguments.of(100, 50));
    }

    @Test
    void theDefaultAudioTrackIsTheOneHeard() throws Exception {
        MediaInfo source = PROBER.probe(CLIPS.twoAudioTracks());
        assertThat(source.audio().index()).isEqualTo(2);

        Path playlist = encodeLowest(CLIPS.twoAudioTracks());

        assertThat(HlsChecks.toneHertz(playlist, out)).isCloseTo(TestClips.DEFAULT_TRACK_HZ, Offset.offset(20.0));
        assertThat(HlsChecks.toneHertz(CLIPS.twoAudioTracks(), out))
                .isCloseTo(TestClips.FIRST_TRACK_HZ, Offset.offset(20.0));
    }

    static Stream<Arguments> mismatchedAudio() {
        return Stream.of(
                Arguments.of("audio longer than video", (Supplier<Path>) CLIPS::audioLongerThanVideo, 2.0),
                Arguments.of("audio shorter than video", (Supplier<Path>) CLIPS::audioShorterThanVideo, 3.0),
                Arguments.of("audio starting late", (Supplier<Path>) CLIPS::audioStartingLate, 3.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatchedAudio")
    void soundStartsAndEndsWithThePicture(String what, Supplier<Path> clip, double videoSeconds) throws Exception {
        Path playlist = encodeLowest(clip.get());

        Map<Integer, HlsChecks.Span> spans = HlsChecks.spans(playlist);
        HlsChecks.Span video = spans.get(0);
        HlsChecks.Span audio = spans.get(1);
        assertThat(video.end() - video.start()).isCloseTo(videoSeconds, ONE_FRAME);
        assertThat(audio.start()).isCloseTo(video.start(), ONE_FRAME);
        assertThat(audio.end()).isCloseTo(video.end(), ONE_FRAME);
        assertDecodesCleanly(playlist);
    }

    @Test
    void halfSecondClipGivesAValidPlaylist() throws Exception {
        Path playlist = encodeLowest(CLIPS.halfSecond());

        MediaPlaylist parsed = MediaPlaylist.parse(java.nio.file.Files.readString(playlist));
        assertThat(parsed.segments()).hasSize(1);
        assertThat(HlsChecks.spans(playlist).get(0).end()).isCloseTo(0.5, ONE_FRAME);
        assertDecodesCleanly(playlist);
    }

    private Path encodeLowest(Path clip) throws MediaException {
        MediaInfo info = PROBER.probe(clip);
        Rendition lowest = new LadderPlanner().plan(info).getFirst();
        ENCODER.encode(clip, info, List.of(lowest), out, p -> { }, TIMEOUT);
        return out.resolve(lowest.name()).resolve(HlsEncoder.PLAYLIST);
    }
}
