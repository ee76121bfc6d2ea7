package io.toktik.core.video;

import io.toktik.core.queue.JobQueue;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** What a person does with their videos: create a draft, upload its source, edit, delete. Callers check ownership. */
public final class VideoService {
    private static final Logger log = LoggerFactory.getLogger(VideoService.class);

    private final VideoRepository videos;
    private final BlobStore blobs;
    private final JobQueue jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    public VideoService(VideoRepository videos, BlobStore blobs, JobQueue jobs, TransactionTemplate tx, Clock clock) {
        this.videos = videos;
        this.blobs = blobs;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    public Video create(UUID ownerId, String title, String description, Visibility visibility) {
        Video video = new Video(UUID.randomUUID(), ownerId, title, description, Hashtags.parse(title, description),
                visibility, VideoStatus.UPLOADING, 0, null, null, null, null, false, false, List.of(), Video.Counts.NONE,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        videos.insert(video);
        return video;
    }

    public Optional<Video> find(UUID id) {
        return videos.findById(id);
    }

    /**
     * Streams the source into storage, then starts processing it ({@link #sourceStored}).
     *
     * @return false when the video was no longer waiting for its source
     */
    public boolean receiveSource(UUID videoId, InputStream body, long maxBytes) throws IOException {
        return sourceStored(videoId, blobs.write(BlobKeys.source(videoId), body, maxBytes));
    }

    /**
     * The source is stored at {@link BlobKeys#source}: in one transaction (or the caller's) moves the video to
     * PROCESSING and enqueues its probe job, so processing starts exactly once per accepted upload.
     *
     * @return false when the video was no longer waiting for its source
     */
    public boolean sourceStored(UUID videoId, long size) {
        Boolean accepted = tx.execute(status -> {
            if (!videos.markProcessing(videoId, size)) return false;
            jobs.enqueue(JobRequest.of(VideoJobs.PROBE, videoId,
                    VideoJobs.fair(VideoJobs.PRIORITY_PROBE, videos.processingAhead(videoId))));
            return true;
        });
        log.info("Video {}: source of {} bytes {}", videoId, size, Boolean.TRUE.equals(accepted) ? "accepted" : "refused");
        return Boolean.TRUE.equals(accepted);
    }

    public void updateMetadata(Video video, String title, String description, Visibility visibility) {
        String t = title != null ? title : video.title();
        String d = description != null ? description : video.description();
        Visibility v = visibility != null ? visibility : video.visibility();
        videos.updateMetadata(video.id(), t, d, Hashtags.parse(t, d), v);
    }

    /** Deletes the video and every stored file of it; a job still running for it finds it gone and cleans up. */
    public void delete(UUID videoId) throws IOException {
        videos.delete(videoId);
        blobs.deleteAll(BlobKeys.videoPrefix(videoId));
    }
}
