package io.toktik.media;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Renders the HLS master playlist (RFC 8216) that lists every rendition with its measured bandwidth. */
public final class MasterPlaylist {

    /** AAC-LC, which is what {@link HlsEncoder} writes. */
    static final String AAC_LC = "mp4a.40.2";

    /** One {@code #EXT-X-STREAM-INF} entry. */
    public record Variant(Rendition rendition, RenditionMeasurement measurement, boolean hasAudio) {

        public Variant {
            Objects.requireNonNull(rendition, "rendition");
            Objects.requireNonNull(measurement, "measurement");
        }

        /** The {@code CODECS} value, e.g. {@code avc1.64001f,mp4a.40.2}. */
        public String codecs() {
            String video = Objects.requireNonNull(measurement.videoCodec(), "no H.264 codec string measured");
            return hasAudio ? video + "," + AAC_LC : video;
        }

        /** URI of the media playlist relative to the master: {@code <name>/index.m3u8}. */
        public String uri() {
            return rendition.name() + "/" + HlsEncoder.PLAYLIST;
        }
    }

    private MasterPlaylist() {
    }

    /** The playlist text, variants ordered by peak bandwidth ascending. */
    public static String render(List<Variant> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a master playlist needs at least one variant");
        }
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        variants.stream()
                .sorted(Comparator.comparingLong(v -> v.measurement().peakBandwidth()))
                .forEach(variant -> out.append(streamInf(variant)).append('\n').append(variant.uri()).append('\n'));
        return out.toString();
    }

    private static String streamInf(Variant variant) {
        RenditionMeasurement m = variant.measurement();
        Rendition r = variant.rendition();
        StringBuilder line = new StringBuilder("#EXT-X-STREAM-INF:BANDWIDTH=").append(m.peakBandwidth())
                .append(",AVERAGE-BANDWIDTH=").append(m.averageBandwidth())
                .append(",RESOLUTION=").append(r.width()).append('x').append(r.height());
        if (m.frameRate() > 0) {
            line.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", m.frameRate()));
        }
        return line.append(",CODECS=\"").append(variant.codecs()).append('"').toString();
    }
}
