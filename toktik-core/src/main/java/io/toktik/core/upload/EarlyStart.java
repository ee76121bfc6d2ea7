package io.toktik.core.upload;

import io.toktik.core.queue.JobQueue;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import io.toktik.core.video.EarlyEncodes;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts encoding a video while its upload still arrives: once a chunk brings the stored bytes past
 * {@link #HEAD_BYTES}, if the store can read an unfinished upload ({@code openParts}: a local disk can, S3 cannot) and
 * the head is a container ffmpeg reads front to back ({@link StreamableHead}), records the video's early encode and
 * enqueues its job, once per video, in one transaction. Anything that goes wrong here only means no early start: the
 * upload's last chunk starts processing the normal way.
 */
public final class EarlyStart {
    private static final Logger log = LoggerFactory.getLogger(EarlyStart.class);
    /** Enough of the source for the worker to probe its streams. */
    public static final long HEAD_BYTES = 2L * 1024 * 1024;

    private final BlobStore blobs;
    private final UploadRepository uploads;
    private final EarlyEncodes early;
    private final VideoRepository videos;
    private final JobQueue jobs;
    private final TransactionTemplate tx;

    public EarlyStart(BlobStore blobs, UploadRepository uploads, EarlyEncodes early, VideoRepository videos, JobQueue jobs,
                      TransactionTemplate tx) {
        this.blobs = blobs;
        this.uploads = uploads;
        this.early = early;
        this.videos = videos;
        this.jobs = jobs;
        this.tx = tx;
    }

    /** A chunk took the upload from {@code before} to {@code after}, not to its end, and is committed. */
    void chunkStored(Upload before, Upload after) {
        if (!blobs.readsUnfinishedParts()) return; // S3: no byte of an upload is readable before its end
        if (before.received() >= HEAD_BYTES || after.received() < HEAD_BYTES || after.remaining() == 0) return;
        try {
            List<StoredPart> parts = uploads.parts(after.id());
            long stored = parts.stream().mapToLong(StoredPart::size).sum();
            String key = BlobKeys.source(after.videoId());
            if (!StreamableHead.isStreamable(from -> blobs.openParts(key, after.storeHandle(), parts, from), stored)) return;
            boolean started = Boolean.TRUE.equals(tx.execute(s -> {
                // Under the video's lock: a video already processing (the last chunk came meanwhile) is encoded the normal way.
                boolean uploading = videos.lock(after.videoId())
                        && videos.findById(after.videoId()).map(v -> v.status() == VideoStatus.UPLOADING).orElse(false);
                if (!uploading || !early.start(after.videoId(), after.id())) return false;
                jobs.enqueue(new JobRequest(VideoJobs.EARLY, after.videoId(), after.id().toString(),
                        VideoJobs.fair(VideoJobs.PRIORITY_FIRST_RENDITION, videos.processingAhead(after.videoId()))));
                return true;
            }));
            if (started) log.info("Video {}: encoding starts while upload {} arrives ({} bytes stored)", after.videoId(), after.id(), stored);
        } catch (IOException | RuntimeException e) {
            log.warn("Upload {}: no early start ({}); the video is encoded once it is complete", after.id(), e.toString());
        }
    }

    /**
     * The upload is being terminated before its end: its early encode, if any, is abandoned — its job stops, deletes
     * what it stored and then forgets it; until then no later upload of the video starts one, so no two encodes ever
     * share the rendition's files.
     */
    void uploadTerminated(Upload upload) {
        if (upload.remaining() > 0) early.abandon(upload.videoId(), upload.id());
    }
}
