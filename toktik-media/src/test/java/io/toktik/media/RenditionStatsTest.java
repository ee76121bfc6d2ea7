package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.media.MediaException.Code;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenditionStatsTest {

    @Test
    void parsesSegmentDurationsAndUris() {
        MediaPlaylist playlist = MediaPlaylist.parse("""
                #EXTM3U
                #EXT-X-VERSION:6
                #EXT-X-TARGETDURATION:4
                #EXTINF:4.000000,
                seg_00000.ts
                #EXTINF:1.500000,
                seg_00001.ts
                #EXT-X-ENDLIST
                """);

        assertThat(playlist.segments()).containsExactly(new MediaPlaylist.Segment("seg_00000.ts", 4.0),
                new MediaPlaylist.Segment("seg_00001.ts", 1.5));
    }

    @Test
    void peakIsTheBusiestSegment() {
        List<MediaPlaylist.Segment> segments = List.of(segment(4), segment(4), segment(4));

        assertThat(RenditionStats.peakBandwidth(segments, List.of(500_000L, 1_000_000L, 250_000L)))
                .isEqualTo(2_000_000);
    }

    @Test
    void aVeryShortLastSegmentCountsTogetherWithTheOneBefore() {
        List<MediaPlaylist.Segment> segments = List.of(segment(4), segment(0.1));

        // Alone, the 0.1 s tail would claim 4 Mb/s.
        assertThat(RenditionStats.peakBandwidth(segments, List.of(500_000L, 50_000L))).isEqualTo(1_073_171);
    }

    @Test
    void missingPlaylistIsATranscodeFailure(@TempDir Path dir) {
        assertThatThrownBy(() -> new RenditionStats(new MediaProber()).measure(dir))
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.TRANSCODE_FAILED));
    }

    private static MediaPlaylist.Segment segment(double seconds) {
        return new MediaPlaylist.Segment("s.ts", seconds);
    }
}
