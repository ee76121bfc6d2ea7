package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job that derives pictures from a video's source (poster, storyboard), stores them, then flags the video. A
 * picture that cannot be made is logged and skipped: the video plays without it. Files of a video deleted meanwhile
 * are removed again.
 */
abstract class ImageJobHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(ImageJobHandler.class);

    private final VideoRepository videos;
    private final BlobStore blobs;
    private final TransactionTemplate tx;
    private final MediaWorkspace workspace;
    private final MediaProber prober;
    private final FirstSegments firstSegments;

    ImageJobHandler(VideoRepository videos, BlobStore blobs, TransactionTemplate tx, MediaWorkspace workspace,
                    MediaProber prober, FirstSegments firstSegments) {
        this.videos = videos;
        this.blobs = blobs;
        this.tx = tx;
        this.workspace = workspace;
        this.prober = prober;
        this.firstSegments = firstSegments;
    }

    /** True when the video already has what this job makes. */
    abstract boolean done(Video video);

    /** Makes the pictures in {@code area} and stores them under the video's keys. */
    abstract void make(UUID videoId, Path source, MediaInfo info, WorkArea area, BlobStore blobs)
            throws MediaException, IOException;

    /** Flags the video, inside a transaction holding its row lock. */
    abstract void markReady(VideoRepository videos, UUID videoId);

    @Override
    public void handle(Job job) throws Exception {
        Video video = videos.findById(job.videoId()).orElse(null);
        if (video == null || video.status() == VideoStatus.FAILED || done(video)) return;
        firstSegments.await(video.id());
        long started = System.nanoTime();
        try (WorkArea area = workspace.open(job)) {
            Path source = workspace.source(video.id(), area);
            make(video.id(), source, prober.probe(source), area, blobs);
            log.info("Video {}: made its {} in {} ms", video.id(), kind(), (System.nanoTime() - started) / 1_000_000);
        } catch (MediaException e) {
            log.warn("Video {}: no {}: {}", video.id(), kind(), e.getMessage());
            return;
        }
        tx.executeWithoutResult(s -> {
            if (videos.lock(video.id())) markReady(videos, video.id());
        });
        if (videos.findById(video.id()).isEmpty()) blobs.deleteAll(BlobKeys.videoPrefix(video.id()));
    }

    @Override
    public void onGiveUp(Job job, Exception lastError) {
        log.warn("Video {}: gave up making its {}: {}", job.videoId(), kind(), lastError.toString());
    }
}
