package io.toktik.server.worker;

import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoRepository;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores and announces progress, at most once per percent and per half second. */
final class ProgressReporter {
    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final VideoRepository videos;
    private final VideoEvents events;
    private final UUID videoId;
    private int last = -1;
    private long lastAt;

    ProgressReporter(VideoRepository videos, VideoEvents events, UUID videoId) {
        this.videos = videos;
        this.events = events;
        this.videoId = videoId;
    }

    synchronized void report(IntSupplier percent) {
        long now = System.nanoTime();
        if (now - lastAt < MIN_INTERVAL_NANOS) return;
        int p = percent.getAsInt();
        if (p <= last) return;
        last = p;
        lastAt = now;
        try {
            videos.raiseProgress(videoId, p);
            events.progress(videoId, p);
        } catch (RuntimeException e) {
            log.warn("Could not record progress of video {}: {}", videoId, e.toString());
        }
    }
}
