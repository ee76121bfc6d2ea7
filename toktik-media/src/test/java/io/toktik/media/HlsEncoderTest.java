package io.toktik.media;

import static io.toktik.media.Fixtures.CLIPS;
import static io.toktik.media.Fixtures.FFMPEG;
import static io.toktik.media.HlsChecks.assertDecodesCleanly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.toktik.media.MediaException.Code;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HlsEncoderTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final MediaProber PROBER = new MediaProber();
    private static final HlsEncoder ENCODER = new HlsEncoder(FFMPEG);

    @TempDir
    static Path ladderDir;
    private static MediaInfo source;
    private static List<Rendition> ladder;
    private static final List<Double> progress = Collections.synchronizedList(new ArrayList<>());
    private static Path master;

    /** The shared case: a 3 s 640x360 clip with audio, encoded once to its two-rung ladder (240p, 360p). */
    @BeforeAll
    static void encodeLandscapeLadder() throws Exception {
        source = PROBER.probe(CLIPS.landscape());
        ladder = new LadderPlanner().plan(source);
        ENCODER.encode(CLIPS.landscape(), source, ladder, ladderDir, progress::add, TIMEOUT);
        RenditionStats stats = new RenditionStats(PROBER);
        List<MasterPlaylist.Variant> variants = new ArrayList<>();
        for (Rendition rendition : ladder) {
            variants.add(new MasterPlaylist.Variant(rendition, stats.measure(ladderDir.resolve(rendition.name())),
                    source.hasAudio()));
        }
        master = Files.writeString(ladderDir.resolve("master.m3u8"), MasterPlaylist.render(variants));
    }

    @Test
    void writesOnePlaylistWithSegmentsPerRendition() throws Exception {
        assertThat(ladder).extracting(Rendition::name).containsExactly("240p", "360p");
        for (Rendition rendition : ladder) {
            Path dir = ladderDir.resolve(rendition.name());
            String playlist = Files.readString(dir.resolve("index.m3u8"));
            assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-INDEPENDENT-SEGMENTS",
                    "#EXT-X-ENDLIST");
            List<MediaPlaylist.Segment> segments = MediaPlaylist.parse(playlist).segments();
            assertThat(segments).isNotEmpty().allSatisfy(segment -> {
                assertThat(segment.uri()).matches("seg_\\d{5}\\.ts");
                assertThat(segment.seconds()).isLessThanOrEqualTo(4.1);
                assertThat(dir.resolve(segment.uri())).isNotEmptyFile();
            });
            assertThat(segments.stream().mapToDouble(MediaPlaylist.Segment::seconds).sum())
                    .isCloseTo(3.0, Offset.offset(0.1));
        }
    }

    @Test
    void renditionsHaveTheirPlannedSizeAt30FpsWithStereoAac() throws Exception {
        for (Rendition rendition : ladder) {
            MediaInfo out = PROBER.probe(ladderDir.resolve(rendition.name()).resolve("seg_00000.ts"));
            assertThat(out.video().codec()).isEqualTo("h264");
            assertThat(out.video().width()).isEqualTo(rendition.width());
            assertThat(out.video().height()).isEqualTo(rendition.height());
            assertThat(out.video().pixelFormat()).isEqualTo("yuv420p");
            assertThat(out.video().frameRate()).isEqualTo(30.0);
            assertThat(out.audio().codec()).isEqualTo("aac");
            assertThat(out.audio().channels()).isEqualTo(2);
            assertThat(out.audio().sampleRate()).isEqualTo(48_000);
        }
    }

    @Test
    void keyframesFallEveryTwoSecondsInEveryRendition() {
        for (Rendition rendition : ladder) {
            assertThat(Keyframes.times(ladderDir.resolve(rendition.name()).resolve("index.m3u8")))
                    .as(rendition.name()).hasSize(2)
                    .satisfies(times -> {
                        assertThat(times.get(0)).isCloseTo(0.0, Offset.offset(0.01));
                        assertThat(times.get(1)).isCloseTo(2.0, Offset.offset(0.01));
                    });
        }
    }

    @Test
    void reportsProgressUpToOne() {
        assertThat(progress).isNotEmpty().isSorted().allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        assertThat(progress.getLast()).isEqualTo(1.0);
    }

    @Test
    void masterPlaylistNamesTheRealCodecsAndBandwidth() throws Exception {
        String text = Files.readString(master);

        assertThat(text).startsWith("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        // Both rungs are <= 360p, so Main profile: avc1.4d40xx (x264 sets constraint_set1 for Main).
        assertThat(text).containsPattern("RESOLUTION=426x240,FRAME-RATE=30.000,CODECS=\"avc1\\.4d40[0-9a-f]{2},"
                + "mp4a\\.40\\.2\"\n240p/index\\.m3u8\n");
        assertThat(text).containsPattern("RESOLUTION=640x360,FRAME-RATE=30.000,CODECS=\"avc1\\.4d40[0-9a-f]{2},"
                + "mp4a\\.40\\.2\"\n360p/index\\.m3u8\n");
        assertThat(text).containsPattern("BANDWIDTH=\\d+,AVERAGE-BANDWIDTH=\\d+");
    }

    @Test
    void masterPlaylistProbesWithEveryVariant() throws Exception {
        MediaInfo info = PROBER.probe(master.toUri().toString());

        assertThat(info.formatName()).isEqualTo("hls");
        assertThat(info.videoStreams()).extracting(v -> v.width() + "x" + v.height())
                .containsExactlyInAnyOrder("426x240", "640x360");
        assertThat(info.durationMs()).isBetween(2900L, 3100L);
    }

    @Test
    void playlistIsNotAcceptedAsAnUploadedFile() {
        assertThatThrownBy(() -> PROBER.probe(master))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_A_VIDEO))
                .hasMessageContaining("playlist");
    }

    @Test
    void masterPlaylistProbesOverHttp() throws Exception {
        HttpServer server = SimpleFileServer.createFileServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ladderDir.toAbsolutePath(),
                SimpleFileServer.OutputLevel.NONE);
        server.start();
        try {
            MediaInfo info = PROBER.probe("http://127.0.0.1:" + server.getAddress().getPort() + "/master.m3u8");

            assertThat(info.videoStreams()).extracting(v -> v.width() + "x" + v.height())
                    .containsExactlyInAnyOrder("426x240", "640x360");
            assertThat(info.hasAudio()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void wholeLadderDecodesWithoutErrors() throws Exception {
        assertDecodesCleanly(master);
    }

    @Test
    void renditionsAbove360pAreHighProfile() throws Exception {
        VideoStream out = encodeTopRung(CLIPS.sd480());

        assertThat(out.height()).isEqualTo(480);
        assertThat(out.codecString()).startsWith("avc1.6400");
    }

    @Test
    void rotatedPhoneClipComesOutPortrait() throws Exception {
        VideoStream out = encodeLowestRung(CLIPS.rotatedPhone());

        assertThat(out.width()).isEqualTo(240);
        assertThat(out.height()).isEqualTo(426);
        assertThat(out.rotation()).isZero();
    }

    @Test
    void tenBit444SourceComesOutAs8Bit420() throws Exception {
        VideoStream out = encodeLowestRung(CLIPS.tenBit444());

        assertThat(out.pixelFormat()).isEqualTo("yuv420p");
        assertThat(out.bitDepth()).isEqualTo(8);
    }

    @Test
    void oddSizedSourceComesOutWithEvenDimensions() throws Exception {
        VideoStream out = encodeLowestRung(CLIPS.oddSize());

        assertThat(out.width()).isEqualTo(320);
        assertThat(out.height()).isEqualTo(240);
    }

    @Test
    void variableFrameRateComesOutConstant() throws Exception {
        VideoStream out = encodeLowestRung(CLIPS.variableFrameRate());

        assertThat(out.variableFrameRate()).isFalse();
        assertThat(out.frameRate()).isEqualTo(HlsEncoder.frameRate(PROBER.probe(CLIPS.variableFrameRate())
                .video()));
    }

    static Stream<Arguments> otherSources() {
        return Stream.of(
                Arguments.of("mpeg4 part 2", (Supplier<Path>) CLIPS::mpeg4Part2),
                Arguments.of("mjpeg in avi", (Supplier<Path>) CLIPS::mjpeg),
                Arguments.of("cinepak in avi", (Supplier<Path>) CLIPS::cinepak),
                Arguments.of("interlaced", (Supplier<Path>) CLIPS::interlaced),
                Arguments.of("hdr pq", (Supplier<Path>) CLIPS::hdr));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherSources")
    void transcodesOtherSourcesToPlayableHls(String what, Supplier<Path> clip, @TempDir Path out) throws Exception {
        MediaInfo info = PROBER.probe(clip.get());
        Rendition lowest = new LadderPlanner().plan(info).getFirst();

        ENCODER.encode(clip.get(), info, List.of(lowest), out, p -> { }, TIMEOUT);

        assertDecodesCleanly(out.resolve(lowest.name()).resolve("index.m3u8"));
    }

    @Test
    void copesWithSpacesPercentSignsAndColonsInTheSourcePath(@TempDir Path dir) throws Exception {
        Path source = Files.copy(CLIPS.noAudio(), dir.resolve("http: my clip 100% %d.mp4"));
        Path out = dir.resolve("out put");
        MediaInfo info = PROBER.probe(source);
        Rendition lowest = new LadderPlanner().plan(info).getFirst();

        ENCODER.encode(source, info, List.of(lowest), out, p -> { }, TIMEOUT);

        assertDecodesCleanly(out.resolve(lowest.name()).resolve("index.m3u8"));
    }

    @Test
    void refusesAnOutputFolderWithAPercentSign(@TempDir Path dir) {
        // ffmpeg 4.4's HLS muxer would expand it as a pattern (and exit 0 without segments).
        assertThatThrownBy(() -> ENCODER.encode(CLIPS.landscape(), source, ladder, dir.resolve("50%"), p -> { },
                TIMEOUT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'%'");
    }

    @Test
    void commandAddsFiltersForInterlacedAndHdrSources() throws Exception {
        MediaInfo interlaced = PROBER.probe(CLIPS.interlaced());
        MediaInfo hdr = PROBER.probe(CLIPS.hdr());

        assertThat(String.join(" ", command(interlaced))).contains("bwdif").doesNotContain("tonemap");
        assertThat(String.join(" ", command(hdr))).contains("tonemap", "zscale=tin=smpte2084").doesNotContain("bwdif");
    }

    @Test
    void commandIsTheWholeLadderInOneRunWithAlignedKeyframes() {
        List<String> command = ENCODER.command(CLIPS.landscape(), source, ladder, Path.of("/tmp/out"));

        assertThat(command.getFirst()).isEqualTo(FFMPEG.executable().toString());
        assertThat(command).containsSubsequence("-filter_complex", "-vsync", "cfr");
        assertThat(command.get(command.indexOf("-filter_complex") + 1)).contains("fps=30,split=2[s0][s1]");
        assertThat(Collections.frequency(command, "libx264")).isEqualTo(2);
        assertThat(command).containsSubsequence("-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                "-force_key_frames", "expr:gte(t,n_forced*2)");
        assertThat(command).contains("/tmp/out/240p/index.m3u8", "/tmp/out/360p/index.m3u8",
                "/tmp/out/240p/seg_%05d.ts");
        assertThat(command).doesNotContain("-progress");
    }

    @Test
    void brokenSourceFailsWithAPlainMessage(@TempDir Path out) {
        assertThatThrownBy(() -> ENCODER.encode(CLIPS.textFile(), source, ladder, out, p -> { }, TIMEOUT))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.TRANSCODE_FAILED);
                    assertThat(e.getMessage()).startsWith("We couldn't convert this video.");
                    assertThat(e.detail()).contains("ffmpeg exited with");
                });
    }

    @Test
    void tooSlowEncodeIsKilled(@TempDir Path out) {
        assertThatThrownBy(() -> ENCODER.encode(CLIPS.landscape(), source, ladder, out, p -> { },
                Duration.ofMillis(1)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.code()).isEqualTo(Code.TIMEOUT));
    }

    private static List<String> command(MediaInfo info) {
        return ENCODER.command(Path.of("in.mp4"), info, new LadderPlanner().plan(info), Path.of("out"));
    }

    private static VideoStream encodeLowestRung(Path clip) throws Exception {
        MediaInfo info = PROBER.probe(clip);
        return encodeOne(clip, info, new LadderPlanner().plan(info).getFirst());
    }

    private static VideoStream encodeTopRung(Path clip) throws Exception {
        MediaInfo info = PROBER.probe(clip);
        return encodeOne(clip, info, new LadderPlanner().plan(info).getLast());
    }

    private static VideoStream encodeOne(Path clip, MediaInfo info, Rendition rendition) throws Exception {
        Path out = Files.createTempDirectory(ladderDir, "single");
        ENCODER.encode(clip, info, List.of(rendition), out, p -> { }, TIMEOUT);
        return PROBER.probe(out.resolve(rendition.name()).resolve("seg_00000.ts")).video();
    }
}
