package io.toktik.media;

import static io.toktik.media.Fixtures.CLIPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.media.MediaException.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaProberTest {

    private final MediaProber prober = new MediaProber();

    @Test
    void readsALandscapeClipWithAudio() throws Exception {
        MediaInfo info = prober.probe(CLIPS.landscape());

        assertThat(info.durationMs()).isBetween(2900L, 3100L);
        assertThat(info.formatName()).contains("mp4");
        assertThat(info.bitRate()).isPositive();
        VideoStream video = info.video();
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(640);
        assertThat(video.height()).isEqualTo(360);
        assertThat(video.rotation()).isZero();
        assertThat(video.pixelFormat()).isEqualTo("yuv420p");
        assertThat(video.bitDepth()).isEqualTo(8);
        assertThat(video.frameRate()).isEqualTo(30.0);
        assertThat(video.variableFrameRate()).isFalse();
        assertThat(video.interlaced()).isFalse();
        assertThat(video.hdr()).isFalse();
        assertThat(video.codecString()).matches("avc1\\.[0-9a-f]{6}");
        assertThat(info.audio()).isNotNull();
        assertThat(info.audio().codec()).isEqualTo("aac");
        assertThat(info.audio().sampleRate()).isEqualTo(48_000);
        assertThat(info.audio().channels()).isEqualTo(1);
        assertThat(info.videoStreams()).containsExactly(video);
    }

    @Test
    void rotatedPhoneClipIsPortraitForDisplay() throws Exception {
        VideoStream video = prober.probe(CLIPS.rotatedPhone()).video();

        assertThat(video.width()).isEqualTo(640);
        assertThat(video.height()).isEqualTo(360);
        assertThat(video.rotation()).isIn(90, 270);
        assertThat(video.displayWidth()).isEqualTo(360);
        assertThat(video.displayHeight()).isEqualTo(640);
    }

    @Test
    void portraitClipNeedsNoRotation() throws Exception {
        VideoStream video = prober.probe(CLIPS.portrait()).video();

        assertThat(video.rotation()).isZero();
        assertThat(video.displayWidth()).isEqualTo(360);
        assertThat(video.displayHeight()).isEqualTo(640);
    }

    @Test
    void clipWithoutAudioHasNoAudioStream() throws Exception {
        MediaInfo info = prober.probe(CLIPS.noAudio());

        assertThat(info.audio()).isNull();
        assertThat(info.hasAudio()).isFalse();
    }

    @Test
    void readsOddDimensions() throws Exception {
        VideoStream video = prober.probe(CLIPS.oddSize()).video();

        assertThat(video.width()).isEqualTo(321);
        assertThat(video.height()).isEqualTo(241);
    }

    @Test
    void detectsTenBit444() throws Exception {
        VideoStream video = prober.probe(CLIPS.tenBit444()).video();

        assertThat(video.pixelFormat()).isEqualTo("yuv444p10le");
        assertThat(video.bitDepth()).isEqualTo(10);
        assertThat(video.profile()).isEqualTo(244);
    }

    @Test
    void detectsVariableFrameRate() throws Exception {
        VideoStream video = prober.probe(CLIPS.variableFrameRate()).video();

        assertThat(video.variableFrameRate()).isTrue();
        assertThat(video.frameRate()).isBetween(10.0, 29.0);
    }

    @Test
    void detectsInterlacing() throws Exception {
        assertThat(prober.probe(CLIPS.interlaced()).video().interlaced()).isTrue();
    }

    @Test
    void detectsHdrTransfer() throws Exception {
        VideoStream video = prober.probe(CLIPS.hdr()).video();

        assertThat(video.colorTransfer()).isEqualTo("smpte2084");
        assertThat(video.hdr()).isTrue();
    }

    static Stream<Arguments> legacyVideos() {
        return Stream.of(
                Arguments.of("mpeg4", (Supplier<Path>) CLIPS::mpeg4Part2),
                Arguments.of("mjpeg", (Supplier<Path>) CLIPS::mjpeg),
                Arguments.of("cinepak", (Supplier<Path>) CLIPS::cinepak));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyVideos")
    void acceptsOlderCodecsIncludingMotionJpegInAvi(String codec, Supplier<Path> clip) throws Exception {
        MediaInfo info = prober.probe(clip.get());

        assertThat(info.video().codec()).isEqualTo(codec);
        assertThat(info.video().width()).isEqualTo(320);
        assertThat(info.durationMs()).isBetween(1900L, 2100L);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("zero bytes", (Supplier<Path>) CLIPS::zeroBytes, Code.EMPTY_FILE, "empty"),
                Arguments.of("text file", (Supplier<Path>) CLIPS::textFile, Code.NOT_A_VIDEO, "couldn't read"),
                Arguments.of("truncated mp4", (Supplier<Path>) CLIPS::truncated, Code.NOT_A_VIDEO, "incomplete"),
                Arguments.of("png", (Supplier<Path>) CLIPS::stillImage, Code.STILL_IMAGE, "still image"),
                Arguments.of("jpeg", (Supplier<Path>) CLIPS::stillJpeg, Code.STILL_IMAGE, "still image"),
                Arguments.of("m4a", (Supplier<Path>) CLIPS::audioOnly, Code.NO_VIDEO_STREAM, "only audio"),
                Arguments.of("mp3 with cover art", (Supplier<Path>) CLIPS::audioWithCoverArt,
                        Code.NO_VIDEO_STREAM, "only audio"),
                Arguments.of("missing file", (Supplier<Path>) () -> Path.of("target", "no-such-file.mp4"),
                        Code.UNREADABLE, "couldn't find"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsWhatIsNotAVideoWithAPlainReason(String what, Supplier<Path> clip, Code code, String words) {
        assertThatThrownBy(() -> prober.probe(clip.get()))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(words);
    }

    @Test
    void handlesPathsThatLookLikeUrlsOrAreNotAscii(@TempDir Path dir) throws Exception {
        Path odd = Files.copy(CLIPS.noAudio(), dir.resolve("http: mein Video – ü%20.mp4"));

        assertThat(prober.probe(odd).video().width()).isEqualTo(320);
    }

    @Test
    void unreachableUrlIsUnreadable() {
        assertThatThrownBy(() -> prober.probe("http://127.0.0.1:1/master.m3u8"))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.code()).isEqualTo(Code.UNREADABLE))
                .hasMessageContaining("couldn't download");
    }

    @Test
    void probesConcurrentlyWithoutSharedState() throws Exception {
        List<Path> clips = List.of(CLIPS.landscape(), CLIPS.portrait(), CLIPS.noAudio(),
                CLIPS.mjpeg());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MediaInfo>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Path clip : clips) {
                    results.add(pool.submit(() -> prober.probe(clip)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().video()).isEqualTo(prober.probe(clips.get(i % clips.size())).video());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
