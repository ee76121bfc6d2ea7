package io.toktik.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A blob written in parts over many calls, possibly from several processes (S3 multipart uploads, or one file on a
 * local disk that each part is written into at its offset). Nothing is visible at the key until {@link #completeParts};
 * parts not named there never show in the blob.
 */
public interface MultipartUploads {

    /** Starts an upload that will become the blob {@code key}; returns its handle, to be kept by the caller. */
    String startParts(String key) throws IOException;

    /**
     * Stores one part: the bytes at {@code offset} in the blob, {@code length} of them. Numbers run from 1 to
     * {@link #maxParts()} and are taken in increasing order within an upload (a store that writes parts in place
     * refuses a number below the newest it was given, with {@link PartOvertakenException}, and so never stores a number
     * twice; S3 replaces a number's bytes when it is stored again); a byte range stored again by a newer part replaces
     * the earlier bytes. Every part but the last of a completed blob must hold at least
     * {@link #minPartSize()} bytes. A store that keeps parts apart (S3) ignores the offset.
     *
     * @param in exactly {@code length} bytes; fewer is an error, and the part is then not stored (though a store
     *           writing in place may have overwritten bytes in its range, which no completion will accept)
     */
    StoredPart putPart(String key, String uploadId, int number, long offset, InputStream in, long length) throws IOException;

    /**
     * Whether a part can be written as its bytes arrive, straight into the blob-to-be ({@link #writePart}): a local
     * disk can; S3 takes whole parts only ({@link #putPart}). Such a store takes parts of any size.
     */
    boolean writesPartsInPlace();

    /**
     * Starts part {@code number} at {@code offset}, to be written as its bytes arrive, of a length known only at its
     * end; numbers are taken as for {@link #putPart}. Only where {@link #writesPartsInPlace()}: elsewhere it throws
     * {@link UnsupportedOperationException}.
     */
    PartWriter writePart(String key, String uploadId, int number, long offset) throws IOException;

    /**
     * Makes these parts, in this order (which is that of their numbers and their offsets: each starts where the one
     * before ends, the first at 0), the blob at {@code key}, replacing it atomically, and forgets the upload. Fails,
     * leaving the key as it was, when a part not named here was stored over bytes of a named one after it.
     */
    void completeParts(String key, String uploadId, List<StoredPart> parts) throws IOException;

    /**
     * Reads an upload before it is completed: these stored parts, in this order (as for {@link #completeParts}), as
     * one stream starting {@code from} bytes in — where the store can read parts before completion (a local disk can;
     * S3 cannot, and says empty).
     */
    Optional<InputStream> openParts(String key, String uploadId, List<StoredPart> parts, long from) throws IOException;

    /** Whether {@link #openParts} reads parts before completion (a local disk) rather than saying empty (S3). */
    boolean readsUnfinishedParts();

    /** Forgets the upload and every part of it; nothing is stored at {@code key}. Doing it twice is harmless. */
    void abortParts(String key, String uploadId) throws IOException;

    /** The fewest bytes a part other than the last may hold (S3: 5 MiB). */
    long minPartSize();

    /** The highest part number (S3: 10,000). */
    int maxParts();

    /** A part being written in place as its bytes arrive. Closing it without {@link #finish()} keeps nothing. */
    interface PartWriter extends AutoCloseable {

        /**
         * Writes these bytes after the ones written before; fails once a part numbered higher has begun
         * ({@link PartOvertakenException}), or the upload ended.
         */
        void write(byte[] bytes, int offset, int length) throws IOException;

        /** Ends the part with the bytes written so far (fails as {@link #write} does); call it once. */
        StoredPart finish() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** A stored part: its number, the store's tag for it (S3's ETag; the offset on a local disk), and its size. */
    record StoredPart(int number, String tag, long size) {}
}
