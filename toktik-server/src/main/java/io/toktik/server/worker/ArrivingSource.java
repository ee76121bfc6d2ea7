package io.toktik.server.worker;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import io.toktik.core.upload.Upload;
import io.toktik.core.upload.UploadRepository;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A video's source read front to back while its resumable upload still arrives: the parts stored so far
 * ({@code openParts}), then — after a short wait — the parts stored since, and once the video has accepted its
 * complete source, the source itself. It ends with the source's last byte; it fails (an {@link Stopped}) when the
 * upload is terminated or expires, the store cannot read unfinished uploads, {@code wanted} says stop, or it is
 * closed — so a reader never takes a cut-off source for a whole one.
 */
final class ArrivingSource extends InputStream {
    /** How long to wait before looking for more bytes. */
    static final Duration POLL = Duration.ofMillis(200);
    /** Reads of stored parts that may fail in a row (a completing upload moves them) before giving up. */
    private static final int READ_FAILURES = 50;

    private final BlobStore blobs;
    private final UploadRepository uploads;
    private final VideoRepository videos;
    private final UUID videoId;
    private final UUID uploadId;
    private final BooleanSupplier wanted;
    private final Clock clock;
    private long offset;
    private volatile InputStream current;
    private int failures;
    private volatile boolean closed;
    private volatile Stopped stopped;

    /** Why the source stopped before its end. */
    static final class Stopped extends IOException {
        Stopped(String message) {
            super(message);
        }
    }

    ArrivingSource(BlobStore blobs, UploadRepository uploads, VideoRepository videos, UUID videoId, UUID uploadId,
                   BooleanSupplier wanted, Clock clock) {
        this.blobs = blobs;
        this.uploads = uploads;
        this.videos = videos;
        this.videoId = videoId;
        this.uploadId = uploadId;
        this.wanted = wanted;
        this.clock = clock;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        try {
            return readArriving(buffer, off, len);
        } catch (Stopped e) {
            stopped = e;
            throw e;
        }
    }

    /** Why reading stopped before the source's end; empty while it has not. */
    Optional<Stopped> stopped() {
        return Optional.ofNullable(stopped);
    }

    private int readArriving(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            if (closed) throw new Stopped("closed");
            if (current == null) {
                current = next();
                if (current == null) return -1;
            }
            int n;
            try {
                n = current.read(buffer, off, len);
            } catch (IOException e) {
                if (++failures > READ_FAILURES) throw e;
                n = -1;
            }
            if (n > 0) {
                offset += n;
                failures = 0;
                return n;
            }
            current.close();
            current = null;
        }
    }

    /** The bytes after those read so far, as far as they are stored; null at the source's end. */
    private InputStream next() throws IOException {
        while (true) {
            Optional<BlobStore.Blob> complete = completeSource();
            if (complete.isPresent()) return offset >= complete.get().length() ? null : complete.get().open(offset);
            Upload upload = uploads.find(uploadId).orElseThrow(() -> new Stopped("the upload was terminated"));
            if (upload.isExpired(clock.instant())) throw new Stopped("the upload expired");
            if (!wanted.getAsBoolean()) throw new Stopped("no longer wanted");
            List<StoredPart> parts = uploads.parts(uploadId);
            if (parts.stream().mapToLong(StoredPart::size).sum() > offset) {
                try {
                    return blobs.openParts(BlobKeys.source(videoId), upload.storeHandle(), parts, offset)
                            .orElseThrow(() -> new Stopped("the store cannot read an upload before it completes"));
                } catch (Stopped e) {
                    throw e;
                } catch (IOException e) { // the upload completed meanwhile and its parts moved: look again
                    if (++failures > READ_FAILURES) throw e;
                }
            }
            pause();
        }
    }

    /** The source, once the video has accepted it whole. */
    private Optional<BlobStore.Blob> completeSource() throws IOException {
        VideoStatus status = videos.findById(videoId).map(v -> v.status()).orElseThrow(() -> new Stopped("the video was deleted"));
        if (status == VideoStatus.FAILED) throw new Stopped("the video failed");
        if (status == VideoStatus.UPLOADING) return Optional.empty();
        return blobs.get(BlobKeys.source(videoId));
    }

    private void pause() throws Stopped {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted");
        }
    }

    /** Makes a read in progress on another thread fail (at once, or at its next look for bytes), and lets go of files. */
    @Override
    public void close() throws IOException {
        closed = true;
        InputStream open = current;
        if (open != null) open.close();
    }
}
