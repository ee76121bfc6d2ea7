package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasterPlaylistTest {

    private static final Rendition LOW = new Rendition("360p", 640, 360, 860_000, 1_290_000, 96_000);
    private static final Rendition HIGH = new Rendition("720p", 1280, 720, 2_610_000, 3_915_000, 128_000);

    @Test
    void listsVariantsByBandwidthWithRfc8216Attributes() {
        String text = MasterPlaylist.render(List.of(
                new MasterPlaylist.Variant(HIGH, measured(3_000_000, 2_500_000, "avc1.64001f", 29.97), true),
                new MasterPlaylist.Variant(LOW, measured(1_000_000, 800_000, "avc1.4d401e", 29.97), true)));

        assertThat(text).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=1000000,AVERAGE-BANDWIDTH=800000,RESOLUTION=640x360,\
                FRAME-RATE=29.970,CODECS="avc1.4d401e,mp4a.40.2"
                360p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,\
                FRAME-RATE=29.970,CODECS="avc1.64001f,mp4a.40.2"
                720p/index.m3u8
                """);
    }

    @Test
    void omitsAudioCodecWhenThereIsNoAudio() {
        String text = MasterPlaylist.render(List.of(
                new MasterPlaylist.Variant(LOW, measured(1_000_000, 800_000, "avc1.4d401e", 30), false)));

        assertThat(text).contains("CODECS=\"avc1.4d401e\"\n");
    }

    private static RenditionMeasurement measured(long peak, long average, String codec, double fps) {
        return new RenditionMeasurement(peak, average, 8_000, 2, average, codec, fps);
    }
}
