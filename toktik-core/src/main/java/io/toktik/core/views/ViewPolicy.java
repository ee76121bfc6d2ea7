package io.toktik.core.views;

import java.time.Duration;

/** When watching counts as a view: at least 5 s, or half of a shorter video; once per viewer per video per hour. */
public final class ViewPolicy {
    public static final long MIN_WATCHED_MS = 5_000;
    public static final Duration WINDOW = Duration.ofHours(1);

    private ViewPolicy() {}

    /** @param durationMs the video's length, null when unknown (then the full 5 s are needed) */
    public static boolean watchedEnough(long watchedMs, Long durationMs) {
        long needed = durationMs == null ? MIN_WATCHED_MS : Math.min(MIN_WATCHED_MS, durationMs / 2);
        return watchedMs >= Math.max(1, needed);
    }
}
