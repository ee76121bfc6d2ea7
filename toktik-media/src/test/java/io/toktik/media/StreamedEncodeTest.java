package io.toktik.media;

import static io.toktik.media.Fixtures.CLIPS;
import static io.toktik.media.Fixtures.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HlsEncoder} fed through ffmpeg's stdin, as an upload still arriving feeds it. */
class StreamedEncodeTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final EncodeOptions GROWING = new EncodeOptions(EncodeOptions.PlaylistType.EVENT,
            EncodeOptions.Span.WHOLE, EncodeOptions.AudioLayout.SEPARATE);
    private static final HlsEncoder ENCODER = new HlsEncoder(FFMPEG);
    private static final MediaProber PROBER = new MediaProber();

    @TempDir
    Path out;

    @Test
    void aWholeStream_makesTheSameRenditionAsItsPlanSays_closedWithEndlist() throws Exception {
        Path source = CLIPS.transportStream(Duration.ofSeconds(5));
        MediaInfo info = PROBER.probe(source);
        Rendition lowest = new LadderPlanner().plan(info).getFirst();
        try (InputStream in = Files.newInputStream(source)) {
            ENCODER.encode(in, info, List.of(lowest), out, GROWING, fraction -> {}, TIMEOUT);
        }
        assertThat(Files.readString(out.resolve(lowest.name()).resolve(HlsEncoder.PLAYLIST))).contains(MediaPlaylist.ENDLIST);
        assertThat(Files.readString(out.resolve(HlsEncoder.AUDIO).resolve(HlsEncoder.PLAYLIST))).contains(MediaPlaylist.ENDLIST);
        HlsChecks.assertDecodesCleanly(out.resolve(lowest.name()).resolve(HlsEncoder.PLAYLIST));
    }

    @Test
    void theFirstMiBOfAStream_planTheSameEncodeAsTheWholeFile() throws Exception {
        Path source = CLIPS.transportStream(Duration.ofSeconds(5));
        Path head = out.resolve("head.ts");
        Files.write(head, Arrays.copyOf(Files.readAllBytes(source), 1024 * 1024));
        MediaInfo whole = PROBER.probe(source);
        MediaInfo first = PROBER.probe(head);
        assertThat(first.durationMs()).isLessThan(whole.durationMs());
        Rendition lowest = new LadderPlanner().plan(first).getFirst();
        assertThat(HlsEncoder.pipedPlan(first, List.of(lowest), GROWING)).contains("pipe:0")
                .isEqualTo(HlsEncoder.pipedPlan(whole, List.of(new LadderPlanner().plan(whole).getFirst()), GROWING));
    }

    @Test
    void aStreamThatBreaksOff_failsTheRun_andNoPlaylistIsClosed() throws Exception {
        assertBreakingOffFailsTheRun(new IOException("the upload was terminated"));
    }

    @Test
    void aStreamThatFailsWithARuntimeError_stopsFfmpegAtOnce_andNoPlaylistIsClosed() throws Exception {
        assertBreakingOffFailsTheRun(new IllegalStateException("the database went away"));
    }

    /** Feeds two thirds of a source, then {@code failure}: ffmpeg is stopped (not left to its timeout), nothing closed. */
    private void assertBreakingOffFailsTheRun(Exception failure) throws Exception {
        Path source = CLIPS.transportStream(Duration.ofSeconds(5));
        MediaInfo info = PROBER.probe(source);
        Rendition lowest = new LadderPlanner().plan(info).getFirst();
        byte[] bytes = Files.readAllBytes(source);
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length * 2 / 3)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        if (failure instanceof IOException io) throw io;
                        throw (RuntimeException) failure;
                    }
                });

        assertThatThrownBy(() -> ENCODER.encode(breaking, info, List.of(lowest), out, GROWING, fraction -> {}, TIMEOUT))
                .isInstanceOf(MediaException.class)
                .satisfies(e -> assertThat(((MediaException) e).code()).as("stopped, not timed out").isNotEqualTo(MediaException.Code.TIMEOUT));
        Path playlist = out.resolve(lowest.name()).resolve(HlsEncoder.PLAYLIST);
        assertThat(!Files.exists(playlist) || !Files.readString(playlist).contains(MediaPlaylist.ENDLIST))
                .as("a cut-off source is never taken for a whole one").isTrue();
    }
}
