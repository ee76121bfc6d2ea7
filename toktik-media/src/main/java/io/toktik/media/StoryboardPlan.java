package io.toktik.media;

/**
 * The layout of a video's storyboard: one thumbnail every {@code intervalSeconds} (2 s, widened for long videos so
 * there are at most 100), each {@code tileWidth} x {@code tileHeight} (160 px wide, or the video's width when
 * narrower, aspect kept), laid out left to right, top to bottom, in rows of at most 10 on one sprite image.
 *
 * @param durationMs how long the picture lasts; the last cue ends there
 */
public record StoryboardPlan(long durationMs, int intervalSeconds, int tiles, int tileWidth, int tileHeight,
                             int columns) {

    static final int MIN_INTERVAL_SECONDS = 2;
    static final int MAX_TILES = 100;
    static final int TILE_WIDTH = 160;
    static final int MAX_COLUMNS = 10;

    public static StoryboardPlan of(MediaInfo info) {
        long durationMs = Math.max(1, info.videoDurationMs());
        int interval = (int) Math.max(MIN_INTERVAL_SECONDS, ceilDiv(durationMs, MAX_TILES * 1000L));
        int tiles = (int) Math.max(1, ceilDiv(durationMs, interval * 1000L));
        VideoStream video = info.video();
        int width = Math.min(TILE_WIDTH, PosterMaker.even(video.displayWidth()));
        int height = PosterMaker.even((double) width * video.displayHeight() / video.displayWidth());
        return new StoryboardPlan(durationMs, interval, tiles, width, height, Math.min(MAX_COLUMNS, tiles));
    }

    public int rows() {
        return (int) ceilDiv(tiles, columns);
    }

    public int spriteWidth() {
        return columns * tileWidth;
    }

    public int spriteHeight() {
        return rows() * tileHeight;
    }

    /** The same layout with only the first {@code count} tiles, when the video yielded fewer frames than planned. */
    StoryboardPlan truncatedTo(int count) {
        int kept = Math.max(1, Math.min(tiles, count));
        return new StoryboardPlan(durationMs, intervalSeconds, kept, tileWidth, tileHeight, columns);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
