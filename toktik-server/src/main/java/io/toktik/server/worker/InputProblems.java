package io.toktik.server.worker;

import io.toktik.core.social.Notifier;
import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoRepository;
import io.toktik.media.MediaException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a video FAILED with a reason a person understands, says so on the event bus, notifies its owner and counts
 * it against the pipeline stage this instance serves.
 */
final class InputProblems {
    private static final Logger log = LoggerFactory.getLogger(InputProblems.class);
    /** Problems of the file itself: no retry will fix them. */
    private static final Set<MediaException.Code> PERMANENT = EnumSet.of(MediaException.Code.EMPTY_FILE,
            MediaException.Code.NOT_A_VIDEO, MediaException.Code.NO_VIDEO_STREAM, MediaException.Code.STILL_IMAGE,
            MediaException.Code.UNSUPPORTED);

    private final VideoRepository videos;
    private final VideoEvents events;
    private final Notifier notifier;
    private final PipelineMetrics metrics;
    private final String stage;

    InputProblems(VideoRepository videos, VideoEvents events, Notifier notifier, PipelineMetrics metrics, String stage) {
        this.videos = videos;
        this.events = events;
        this.notifier = notifier;
        this.metrics = metrics;
        this.stage = stage;
    }

    /** The same, counted against {@code otherStage}. */
    InputProblems at(String otherStage) {
        return new InputProblems(videos, events, notifier, metrics, otherStage);
    }

    static boolean isPermanent(MediaException e) {
        return PERMANENT.contains(e.code());
    }

    void fail(UUID videoId, String code, String message) {
        if (videos.markFailed(videoId, code, message)) {
            log.info("Video {} failed: {} ({})", videoId, message, code);
            events.failed(videoId, code, message);
            notifier.videoFailed(videoId, message);
            metrics.videoFailed(stage, code);
        }
    }
}
