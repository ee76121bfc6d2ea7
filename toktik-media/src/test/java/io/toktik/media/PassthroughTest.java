package io.toktik.media;

import static io.toktik.media.Fixtures.CLIPS;
import static io.toktik.media.Fixtures.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source already fit for a rung is packaged as it is; one that is not is left to the encoder. */
class PassthroughTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final MediaProber PROBER = new MediaProber();
    private static final HlsEncoder ENCODER = new HlsEncoder(FFMPEG);

    @Test
    void aSourceAtTheRungsSizeBitrateAndGop_isPackagedWithoutReencoding(@TempDir Path out) throws Exception {
        Path clip = CLIPS.hlsReady(2, Duration.ofSeconds(10));
        MediaInfo info = PROBER.probe(clip);
        Rendition top = new LadderPlanner().plan(info).getLast();
        assertThat(Passthrough.fits(info, top)).isTrue();

        assertThat(ENCODER.copy(clip, info, top, out, EncodeOptions.WHOLE, TIMEOUT)).isTrue();

        String playlist = Files.readString(out.resolve("360p/index.m3u8"));
        assertThat(MediaPlaylist.parse(playlist).segments()).extracting(MediaPlaylist.Segment::seconds)
                .allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(8.0)).hasSizeGreaterThanOrEqualTo(2);
        VideoStream packaged = PROBER.probe(out.resolve("360p/seg_00000.ts")).video();
        assertThat(packaged.codecString()).as("the source's Baseline profile, not the encoder's Main")
                .isEqualTo(info.video().codecString()).startsWith("avc1.42");
        assertThat(PROBER.probe(out.resolve("360p/seg_00000.ts")).hasAudio()).isTrue();
        ProcessResult decoded = FFMPEG.run(List.of("-v", "error", "-i", out.resolve("360p/index.m3u8").toString(),
                "-map", "0", "-f", "null", "-"), TIMEOUT);
        assertThat(decoded.stderrTail()).isBlank();
    }

    @Test
    void keyframesTooFarApart_areLeftToTheEncoder(@TempDir Path out) throws Exception {
        Path clip = CLIPS.hlsReady(10, Duration.ofSeconds(20));
        MediaInfo info = PROBER.probe(clip);
        Rendition top = new LadderPlanner().plan(info).getLast();
        assertThat(Passthrough.fits(info, top)).isTrue();

        assertThat(ENCODER.copy(clip, info, top, out, EncodeOptions.WHOLE, TIMEOUT)).isFalse();
    }

    @Test
    void anotherSizeOrTooHighABitrate_doesNotFit() throws Exception {
        MediaInfo info = PROBER.probe(CLIPS.hlsReady(2, Duration.ofSeconds(10)));
        List<Rendition> ladder = new LadderPlanner().plan(info);
        assertThat(Passthrough.fits(info, ladder.getFirst())).as("240p from 360p").isFalse();
        Rendition top = ladder.getLast();
        Rendition stingy = new Rendition(top.name(), top.width(), top.height(), 200_000, 300_000, top.audioBitrate());
        assertThat(Passthrough.fits(info, stingy)).isFalse();
    }
}
