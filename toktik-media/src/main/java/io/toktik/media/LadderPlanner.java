package io.toktik.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Plans the H.264 ladder by short side (1080, 720, 480, 360, 240) so portrait stays portrait; never upscales. */
public final class LadderPlanner {

    private static final int[] SHORT_SIDES = {240, 360, 480, 720, 1080};
    private static final double NEAR_MISS = 0.96;
    private static final double FULL_HD_PIXELS = 1920 * 1080;
    private static final long FULL_HD_BITRATE = 5_000_000;
    private static final double BITRATE_EXPONENT = 0.8;
    private static final double HIGH_FRAME_RATE_FACTOR = 1.5;
    private static final double PEAK_FACTOR = 1.5;
    private static final long MIN_VIDEO_BITRATE = 100_000;
    private static final int SMALL_AUDIO_MAX_SHORT_SIDE = 360;

    /**
     * Renditions sorted lowest first; at least one. Sizes follow the display orientation (rotation applied). A
     * source a hair below a rung (within 4 %, e.g. 1279x719) gets that rung at its own size rather than losing it;
     * a source below 240 gets one rendition at its own size. Long sides are rounded to even.
     */
    public List<Rendition> plan(MediaInfo info) {
        VideoStream video = info.video();
        int sourceShort = Math.min(video.displayWidth(), video.displayHeight());
        int sourceLong = Math.max(video.displayWidth(), video.displayHeight());
        boolean portrait = video.displayHeight() > video.displayWidth();
        double aspect = (double) sourceLong / sourceShort;
        boolean highFrameRate = VideoFilters.frameRate(video) > 30;

        List<Rendition> ladder = new ArrayList<>();
        for (int rung : SHORT_SIDES) {
            if (rung <= sourceShort) {
                ladder.add(rendition(rung + "p", rung, aspect, sourceLong, portrait, highFrameRate, info.hasAudio()));
            } else if (sourceShort >= rung * NEAR_MISS) {
                ladder.add(rendition(rung + "p", evenFloor(sourceShort), aspect, sourceLong, portrait, highFrameRate,
                        info.hasAudio()));
            }
        }
        if (ladder.isEmpty()) {
            int shortSide = evenFloor(sourceShort);
            ladder.add(rendition(shortSide + "p", shortSide, aspect, sourceLong, portrait, highFrameRate,
                    info.hasAudio()));
        }
        ladder.sort(Comparator.comparingInt(Rendition::shortSide));
        return List.copyOf(ladder);
    }

    private static Rendition rendition(String name, int shortSide, double aspect, int sourceLong, boolean portrait,
                                       boolean highFrameRate, boolean audio) {
        int longSide = Math.max(shortSide, Math.min(evenRound(shortSide * aspect), evenFloor(sourceLong)));
        long video = videoBitrate((double) shortSide * longSide, highFrameRate);
        long audioBitrate = !audio ? 0 : shortSide <= SMALL_AUDIO_MAX_SHORT_SIDE ? 96_000 : 128_000;
        int width = portrait ? shortSide : longSide;
        int height = portrait ? longSide : shortSide;
        return new Rendition(name, width, height, video, roundToKilobits(video * PEAK_FACTOR), audioBitrate);
    }

    /** About 5 Mb/s at 1080p, 2.6 at 720p, 1.4 at 480p, 0.86 at 360p, 0.45 at 240p; half as much again above 30 fps. */
    static long videoBitrate(double pixels, boolean highFrameRate) {
        double bitrate = FULL_HD_BITRATE * Math.pow(pixels / FULL_HD_PIXELS, BITRATE_EXPONENT);
        if (highFrameRate) {
            bitrate *= HIGH_FRAME_RATE_FACTOR;
        }
        return roundToKilobits(Math.max(bitrate, MIN_VIDEO_BITRATE));
    }

    private static long roundToKilobits(double bitsPerSecond) {
        return Math.round(bitsPerSecond / 1000) * 1000;
    }

    private static int evenRound(double value) {
        return (int) Math.max(2, 2 * Math.round(value / 2));
    }

    private static int evenFloor(int value) {
        return Math.max(2, value - value % 2);
    }
}
