package io.toktik.media;

import java.util.ArrayList;
import java.util.List;

/** ffmpeg filter snippets shared by the encoder and the poster maker: deinterlacing, HDR tone mapping, scaling. */
final class VideoFilters {

    private VideoFilters() {
    }

    /**
     * Filters that turn the decoded (already auto-rotated) source into progressive SDR: {@code yadif} for
     * interlaced video, and zimg tone mapping (PQ or HLG, BT.2020) down to BT.709 for HDR.
     */
    static List<String> normalize(VideoStream video) {
        List<String> filters = new ArrayList<>();
        if (video.interlaced()) {
            filters.add("yadif");
        }
        if (video.hdr()) {
            filters.add("zscale=tin=" + video.colorTransfer() + ":pin=bt2020:min=bt2020nc:t=linear:npl=100");
            filters.add("format=gbrpf32le");
            filters.add("zscale=p=bt709");
            filters.add("tonemap=tonemap=hable:desat=0");
            filters.add("zscale=t=bt709:m=bt709:r=tv");
        }
        return filters;
    }

    /** Scales to exactly {@code width}x{@code height} with square pixels. */
    static String scale(int width, int height) {
        return "scale=" + width + ":" + height + ",setsar=1";
    }

    /** Joins filters into one chain; an empty list becomes {@code null} (ffmpeg's pass-through filter). */
    static String chain(List<String> filters) {
        return filters.isEmpty() ? "null" : String.join(",", filters);
    }
}
