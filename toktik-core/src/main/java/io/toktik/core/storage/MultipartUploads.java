package io.toktik.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A blob written in parts over many calls, possibly from several processes (S3 multipart uploads, or part files on
 * a local disk). Nothing is visible at the key until {@link #completeParts}; parts not named there are discarded.
 */
public interface MultipartUploads {

    /** Starts an upload that will become the blob {@code key}; returns its handle, to be kept by the caller. */
    String startParts(String key) throws IOException;

    /**
     * Stores one part, whole or not at all. Numbers run from 1 to {@link #maxParts()} and are never reused within an
     * upload (storing a number again replaces that part). Every part but the last of a completed blob must hold at
     * least {@link #minPartSize()} bytes.
     *
     * @param in exactly {@code length} bytes; fewer is an error and stores nothing
     */
    StoredPart putPart(String key, String uploadId, int number, InputStream in, long length) throws IOException;

    /** Makes these parts, in this order, the blob at {@code key} (replacing it atomically) and forgets the upload. */
    void completeParts(String key, String uploadId, List<StoredPart> parts) throws IOException;

    /**
     * Reads an upload before it is completed: these stored parts, in this order, as one stream starting {@code from}
     * bytes in — where the store can read parts before completion (a local disk can; S3 cannot, and says empty).
     */
    Optional<InputStream> openParts(String key, String uploadId, List<StoredPart> parts, long from) throws IOException;

    /** Forgets the upload and every part of it; nothing is stored at {@code key}. Doing it twice is harmless. */
    void abortParts(String key, String uploadId) throws IOException;

    /** The fewest bytes a part other than the last may hold (S3: 5 MiB). */
    long minPartSize();

    /** The highest part number (S3: 10,000). */
    int maxParts();

    /** A stored part: its number, the store's tag for it (S3's ETag), and its size. */
    record StoredPart(int number, String tag, long size) {}
}
