package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.PosterMaker;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes a video's poster image from a representative frame. */
final class PosterJobHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(PosterJobHandler.class);

    private final VideoRepository videos;
    private final BlobStore blobs;
    private final TransactionTemplate tx;
    private final MediaWorkspace workspace;
    private final MediaProber prober;
    private final PosterMaker posters;

    PosterJobHandler(VideoRepository videos, BlobStore blobs, TransactionTemplate tx, MediaWorkspace workspace,
                     MediaProber prober, PosterMaker posters) {
        this.videos = videos;
        this.blobs = blobs;
        this.tx = tx;
        this.workspace = workspace;
        this.prober = prober;
        this.posters = posters;
    }

    @Override
    public String kind() {
        return VideoJobs.POSTER;
    }

    @Override
    public void handle(Job job) throws Exception {
        Video video = videos.findById(job.videoId()).orElse(null);
        if (video == null || video.status() == VideoStatus.FAILED || video.hasPoster()) return;
        try (WorkArea area = workspace.open(job)) {
            Path source = workspace.source(video.id(), area);
            MediaInfo info = prober.probe(source);
            Path poster = area.resolve("poster.jpg");
            posters.poster(source, info, poster);
            blobs.putFile(BlobKeys.poster(video.id()), poster);
        } catch (MediaException e) {
            log.warn("Video {}: no poster: {}", video.id(), e.getMessage());
            return;
        }
        tx.executeWithoutResult(s -> {
            if (videos.lock(video.id())) videos.markPosterReady(video.id());
        });
        if (videos.findById(video.id()).isEmpty()) blobs.deleteAll(BlobKeys.videoPrefix(video.id()));
    }

    @Override
    public void onGiveUp(Job job, Exception lastError) {
        log.warn("Video {}: gave up making a poster: {}", job.videoId(), lastError.toString());
    }
}
