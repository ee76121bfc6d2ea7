package io.toktik.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ffmpeg filter snippets shared by the encoder, the poster maker and the storyboard maker: deinterlacing, HDR tone
 * mapping, frame-rate capping, scaling, and the audio chain that makes the sound last exactly as long as the picture.
 */
final class VideoFilters {

    static final int MAX_FRAME_RATE = 60;
    private static final int DEFAULT_FRAME_RATE = 30;
    /** Nominal peak luminance (cd/m²) that maps to SDR white when linearising PQ or HLG. */
    private static final int SDR_PEAK_NITS = 100;

    private VideoFilters() {
    }

    /**
     * Filters that turn the decoded (already auto-rotated) source into progressive SDR: {@code bwdif} (one frame per
     * frame, field parity from the probe) for interlaced video, and zimg tone mapping of PQ or HLG down to 8-bit
     * BT.709 YUV for HDR: linearise with the stream's own primaries and matrix (BT.2020 when untagged), convert the
     * primaries, compress highlights with Hable's curve, then apply the BT.709 transfer and matrix.
     */
    static List<String> normalize(VideoStream video) {
        List<String> filters = new ArrayList<>();
        if (video.interlaced()) {
            filters.add("bwdif=mode=send_frame:parity=" + (video.topFieldFirst() ? "tff" : "bff") + ":deint=all");
        }
        if (video.hdr()) {
            filters.add("zscale=tin=" + video.colorTransfer() + ":pin=" + tagOr(video.colorPrimaries(), "bt2020")
                    + ":min=" + tagOr(video.colorSpace(), "bt2020nc") + ":t=linear:npl=" + SDR_PEAK_NITS);
            filters.add("format=gbrpf32le");
            filters.add("zscale=p=bt709");
            filters.add("tonemap=tonemap=hable:desat=0");
            filters.add("zscale=t=bt709:m=bt709:p=bt709:r=tv");
            // zimg, not swscale, must make the YUV, or the BT.709 matrix is lost (swscale would use BT.601).
            filters.add("format=yuv420p");
        }
        return filters;
    }

    /**
     * Output frame rate: the source's, rounded; above 60 it is divided by the smallest whole number that brings it
     * to 60 or less (120 → 60, 100 → 50, 144 → 48), so frames are dropped evenly; 30 when unknown.
     */
    static int frameRate(VideoStream video) {
        double source = video.frameRate();
        if (source <= 0) {
            return DEFAULT_FRAME_RATE;
        }
        long rounded = Math.round(source);
        if (rounded <= MAX_FRAME_RATE) {
            return (int) Math.max(1, rounded);
        }
        int divisor = (int) Math.ceil(source / (MAX_FRAME_RATE + 0.5));
        return (int) Math.min(MAX_FRAME_RATE, Math.round(source / divisor));
    }

    /**
     * The audio chain: silence fills any gap (a late first sample, holes) so sound never drifts from the picture,
     * and the sound is padded or cut to end exactly with the video stream.
     */
    static String audio(MediaInfo info) {
        return String.format(Locale.ROOT, "aresample=async=1:first_pts=0,apad,atrim=end=%.3f",
                info.videoDurationMs() / 1000.0);
    }

    /**
     * The audio chain for a source read as it arrives, whose length is not known yet: silence fills any gap as in
     * {@link #audio}, but the sound is neither padded nor cut to the picture's end.
     */
    static String arrivingAudio() {
        return "aresample=async=1:first_pts=0";
    }

    /** Scales to exactly {@code width}x{@code height} with square pixels. */
    static String scale(int width, int height) {
        return "scale=" + width + ":" + height + ",setsar=1";
    }

    /** Joins filters into one chain; an empty list becomes {@code null} (ffmpeg's pass-through filter). */
    static String chain(List<String> filters) {
        return filters.isEmpty() ? "null" : String.join(",", filters);
    }

    private static String tagOr(String tag, String fallback) {
        return tag == null || tag.equals("unknown") || tag.equals("unspecified") ? fallback : tag;
    }
}
