package io.toktik.core.upload;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import io.toktik.core.storage.PartOvertakenException;
import io.toktik.core.upload.ChunkRefusedException.Reason;
import io.toktik.core.upload.ChunkWriter.Chunk;
import io.toktik.core.video.VideoService;
import io.toktik.core.video.VideoStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumable uploads of video sources, chunk by chunk, from any api node: the bytes go to the blob store's multipart
 * upload, the state to the database. The last chunk assembles the source where a one-shot upload puts it and starts
 * processing the same way ({@link VideoService#sourceStored}); where the store and the container allow, encoding starts
 * before that ({@link EarlyStart}). Uploads left alone past their expiry are swept.
 */
public final class ResumableUploads {
    private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);
    private static final int SWEEP_BATCH = 100;
    /** Part buffers kept between chunks (the memory they hold stays allocated: 4 × 8 MiB with the default parts). */
    private static final int KEPT_PART_BUFFERS = 4;

    private final UploadRepository uploads;
    private final BlobStore blobs;
    private final VideoService videos;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration expiry;
    private final PartBuffers buffers;
    private final EarlyStart early;

    /** @param early starts encoding during the upload; null for never */
    public ResumableUploads(UploadRepository uploads, BlobStore blobs, VideoService videos, TransactionTemplate tx, Clock clock, Duration expiry,
                            EarlyStart early) {
        this.uploads = uploads;
        this.early = early;
        this.blobs = blobs;
        this.videos = videos;
        this.tx = tx;
        this.clock = clock;
        this.expiry = expiry;
        this.buffers = new PartBuffers(ChunkWriter.partSize(blobs), KEPT_PART_BUFFERS);
    }

    /** Starts an upload of {@code length} bytes for the video; callers check the video and its owner. */
    public Upload create(UUID videoId, UUID ownerId, long length, String metadata) throws IOException {
        if (length <= 0) throw new IllegalArgumentException("An upload holds at least one byte.");
        String handle = blobs.startParts(BlobKeys.source(videoId));
        Upload upload = new Upload(UUID.randomUUID(), videoId, ownerId, length, 0, metadata, handle, null, 0, expiresFromNow());
        uploads.insert(upload);
        return upload;
    }

    public Optional<Upload> find(UUID id) {
        return uploads.find(id);
    }

    /**
     * Appends the chunk {@code body} at {@code offset}. A connection that breaks keeps what arrived (unless the chunk
     * carries a checksum); a refused chunk keeps nothing. The chunk that ends the upload assembles the source and
     * starts processing; the finished upload stays readable (offset = length, so a client that lost the last answer
     * learns it is done) until it expires.
     *
     * @param sha1 the SHA-1 the chunk must have, or null
     * @return the upload after the chunk ({@code received == length} once complete)
     */
    public Upload append(Upload upload, long offset, InputStream body, byte[] sha1) throws IOException {
        if (offset != upload.received()) {
            throw new ChunkRefusedException(Reason.OFFSET_MISMATCH, "The upload is at offset " + upload.received() + ", not " + offset + ".");
        }
        Chunk chunk = new ChunkWriter(blobs, uploads, buffers, upload).write(body, sha1);
        if (chunk.received() == 0) return upload;
        Upload after = new Upload(upload.id(), upload.videoId(), upload.ownerId(), upload.length(), upload.received() + chunk.received(),
                upload.metadata(), upload.storeHandle(), chunk.tailKey(), chunk.tailLength(), expiresFromNow());
        try {
            if (after.remaining() == 0) {
                complete(upload, chunk);
            } else if (!uploads.recordChunk(upload, after.received(), chunk.parts(), chunk.tailKey(), chunk.tailLength(), after.expiresAt(), true)) {
                throw moved();
            } else if (early != null) {
                early.chunkStored(upload, after);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(chunk.tailKey());
            throw e;
        }
        if (upload.tailKey() != null) deleteQuietly(upload.tailKey());
        return after;
    }

    /** Drops the upload: its parts, its staged tail, its row (a finished upload's source stays: it is the video's). */
    public void terminate(Upload upload) throws IOException {
        if (early != null) early.uploadTerminated(upload);
        blobs.abortParts(BlobKeys.source(upload.videoId()), upload.storeHandle());
        blobs.deleteAll(BlobKeys.uploadPrefix(upload.id()));
        uploads.delete(upload.id());
    }

    /** Terminates uploads past their expiry; any api node may run it, at the same time as others. */
    public int sweepExpired() {
        int swept = 0;
        for (Upload upload : uploads.expired(clock.instant(), SWEEP_BATCH)) {
            try {
                terminate(upload);
                swept++;
            } catch (IOException | RuntimeException e) {
                log.warn("Upload {}: could not free its storage (tried again at the next sweep): {}", upload.id(), e.toString());
            }
        }
        if (swept > 0) log.info("Swept {} expired uploads", swept);
        return swept;
    }

    private void complete(Upload upload, Chunk chunk) throws IOException {
        boolean waiting = videos.find(upload.videoId()).map(v -> v.status() == VideoStatus.UPLOADING).orElse(false);
        if (!waiting) {
            terminate(upload);
            throw new ChunkRefusedException(Reason.VIDEO_NOT_WAITING, "The video no longer waits for its file (it has one, or it was deleted).");
        }
        List<StoredPart> parts = new ArrayList<>(uploads.parts(upload.id()));
        parts.addAll(chunk.parts());
        try {
            blobs.completeParts(BlobKeys.source(upload.videoId()), upload.storeHandle(), parts);
        } catch (PartOvertakenException e) { // a later request wrote over this chunk, or completed the upload first
            throw moved();
        }
        Boolean started = tx.execute(s -> {
            // not unlessOvertaken: the store completed the blob from the named parts only, and takes no part after it
            if (!uploads.recordChunk(upload, upload.length(), chunk.parts(), null, 0, expiresFromNow(), false)) return null;
            return videos.sourceStored(upload.videoId(), upload.length());
        });
        if (started == null) throw moved();
        blobs.deleteAll(BlobKeys.uploadPrefix(upload.id()));
        if (!started) throw new ChunkRefusedException(Reason.VIDEO_NOT_WAITING, "The video no longer waits for its file.");
    }

    private static ChunkRefusedException moved() {
        return new ChunkRefusedException(Reason.OFFSET_MISMATCH, "Another request moved this upload (or ended it); ask for its offset again.");
    }

    private java.time.Instant expiresFromNow() {
        return clock.instant().plus(expiry).truncatedTo(ChronoUnit.SECONDS);
    }

    private void deleteQuietly(String key) {
        if (key == null) return;
        try {
            blobs.deleteAll(key);
        } catch (IOException e) {
            log.warn("Could not delete the staged tail {} (the upload's sweep frees it): {}", key, e.toString());
        }
    }
}
