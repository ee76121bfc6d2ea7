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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A video's source read front to back while its resumable upload still arrives: the parts stored so far
 * ({@code openParts}), then — after a short wait — the parts stored since, and once this very upload has completed,
 * the video's source itself. It ends with the source's last byte; it fails (an {@link Stopped}) when the upload is
 * terminated or expires, no byte arrives for {@link #IDLE}, the store cannot read unfinished uploads, {@code wanted}
 * says stop, looking fails (the database, say), or it is closed — so a reader never takes a cut-off source for a
 * whole one, nor waits on one left alone.
 */
final class ArrivingSource extends InputStream {
    /** How long to wait before looking for more bytes; doubled while none come, up to {@link #MAX_POLL}. */
    static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);
    /**
     * How long an upload may bring no byte before the encode stops and hands the rendition back: an upload left alone
     * (never terminated) then holds no encoder, and its lowest rendition is made the normal way if it ever completes.
     */
    static final Duration IDLE = Duration.ofMinutes(5);
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
    /** The bytes stored when last looked at, and when that count last grew. */
    private long storedSeen;
    private Instant grewAt;
    private Duration poll = POLL;
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
        this.grewAt = clock.instant();
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
        } catch (RuntimeException e) { // the database, say: the read fails, never hangs its reader's process
            stopped = new Stopped("looking for bytes failed: " + e);
            stopped.initCause(e);
            throw stopped;
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
            Upload upload = uploads.find(uploadId).orElseThrow(() -> new Stopped("the upload was terminated"));
            if (!wanted.getAsBoolean()) throw new Stopped("no longer wanted");
            if (upload.remaining() == 0) { // this upload completed: its bytes are now the video's source
                BlobStore.Blob source = completeSource();
                return offset >= source.length() ? null : source.open(offset);
            }
            Instant now = clock.instant();
            if (upload.isExpired(now)) throw new Stopped("the upload expired");
            List<StoredPart> parts = uploads.parts(uploadId);
            long stored = parts.stream().mapToLong(StoredPart::size).sum();
            if (stored > storedSeen) {
                storedSeen = stored;
                grewAt = now;
                poll = POLL;
            }
            if (stored <= offset && !now.isBefore(grewAt.plus(IDLE))) {
                throw new Stopped("no byte arrived for " + IDLE.toMinutes() + " minutes");
            }
            if (stored > offset) {
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

    /** The video's source, which this upload completed. */
    private BlobStore.Blob completeSource() throws IOException {
        VideoStatus status = videos.findById(videoId).map(v -> v.status()).orElseThrow(() -> new Stopped("the video was deleted"));
        if (status == VideoStatus.FAILED) throw new Stopped("the video failed");
        return blobs.get(BlobKeys.source(videoId)).orElseThrow(() -> new Stopped("the video has no source"));
    }

    private void pause() throws Stopped {
        try {
            Thread.sleep(poll);
            Duration doubled = poll.multipliedBy(2);
            poll = doubled.compareTo(MAX_POLL) < 0 ? doubled : MAX_POLL;
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
