package io.toktik.media;

import java.util.Locale;

/** Writes a storyboard's WebVTT index: one cue per tile, whose text is the sprite's URL with a media fragment. */
final class StoryboardVtt {

    private StoryboardVtt() {
    }

    /** @param spriteUrl the sprite as the player should fetch it, relative to the VTT file, e.g. {@code sprite.jpg} */
    static String render(StoryboardPlan plan, String spriteUrl) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        long intervalMs = plan.intervalSeconds() * 1000L;
        for (int i = 0; i < plan.tiles(); i++) {
            long start = i * intervalMs;
            long end = i == plan.tiles() - 1 ? Math.max(plan.durationMs(), start + 1) : start + intervalMs;
            int x = (i % plan.columns()) * plan.tileWidth();
            int y = (i / plan.columns()) * plan.tileHeight();
            vtt.append('\n').append(time(start)).append(" --> ").append(time(end)).append('\n')
                    .append(spriteUrl).append("#xywh=").append(x).append(',').append(y).append(',')
                    .append(plan.tileWidth()).append(',').append(plan.tileHeight()).append('\n');
        }
        return vtt.toString();
    }

    private static String time(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }
}
