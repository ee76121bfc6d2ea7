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

    /**
     * The audio-only rendition ({@code audio/index.m3u8}) that video-only variants play with, as an
     * {@code EXT-X-MEDIA} of {@code TYPE=AUDIO}; its bandwidths are added to each variant's.
     */
    public record AudioRendition(long peakBandwidth, long averageBandwidth) {
        static final String GROUP = "audio";
    }

    private MasterPlaylist() {
    }

    /** The playlist text, variants ordered by peak bandwidth ascending. */
    public static String render(List<Variant> variants) {
        return render(variants, null);
    }

    /**
     * The playlist text, variants ordered by peak bandwidth ascending; with {@code audio} (null for none) the
     * variants are video only and name its group.
     */
    public static String render(List<Variant> variants, AudioRendition audio) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a master playlist needs at least one variant");
        }
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        if (audio != null) {
            out.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"").append(AudioRendition.GROUP)
                    .append("\",NAME=\"Audio\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"")
                    .append(HlsEncoder.AUDIO).append('/').append(HlsEncoder.PLAYLIST).append("\"\n");
        }
        variants.stream()
                .sorted(Comparator.comparingLong(v -> v.measurement().peakBandwidth()))
                .forEach(variant -> out.append(streamInf(variant, audio)).append('\n').append(variant.uri()).append('\n'));
        return out.toString();
    }

    private static String streamInf(Variant variant, AudioRendition audio) {
        RenditionMeasurement m = variant.measurement();
        Rendition r = variant.rendition();
        StringBuilder line = new StringBuilder("#EXT-X-STREAM-INF:BANDWIDTH=")
                .append(m.peakBandwidth() + (audio == null ? 0 : audio.peakBandwidth()))
                .append(",AVERAGE-BANDWIDTH=").append(m.averageBandwidth() + (audio == null ? 0 : audio.averageBandwidth()))
                .append(",RESOLUTION=").append(r.width()).append('x').append(r.height());
        if (m.frameRate() > 0) {
            line.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", m.frameRate()));
        }
        line.append(",CODECS=\"").append(variant.codecs()).append('"');
        if (audio != null) line.append(",AUDIO=\"").append(AudioRendition.GROUP).append('"');
        return line.toString();
    }
}
