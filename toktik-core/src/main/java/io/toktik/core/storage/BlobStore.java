package io.toktik.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where video files live (sources, HLS playlists and segments, images), addressed by keys such as
 * {@code videos/<id>/hls/720p/seg_00001.ts}. Writes are all-or-nothing: a reader never sees half a blob. A blob may
 * also be written in parts over many requests ({@link MultipartUploads}), as resumable uploads do.
 */
public interface BlobStore extends MultipartUploads {

    /**
     * Streams {@code in} into {@code key}, never holding it all in memory.
     *
     * @return the number of bytes stored
     * @throws BlobTooLargeException when more than {@code maxBytes} arrive; nothing is stored then
     */
    long write(String key, InputStream in, long maxBytes) throws IOException;

    /** Stores a local file under {@code key}. */
    void putFile(String key, Path file) throws IOException;

    /** Size and a way to read the blob, or empty when there is none. */
    Optional<Blob> get(String key) throws IOException;

    /** Copies the blob to a local file (the worker's copy of a source). */
    void download(String key, Path target) throws IOException;

    /** Deletes every blob whose key starts with {@code prefix}. */
    void deleteAll(String prefix) throws IOException;

    /**
     * A URL a client may fetch the blob from directly, valid for {@code ttl}, when the store can sign one;
     * empty otherwise (the blob is then served through the application).
     */
    default Optional<URI> presignedGet(String key, Duration ttl) {
        return Optional.empty();
    }

    /** A stored blob: its length, and streams from any offset. */
    interface Blob {
        long length();

        InputStream open(long offset) throws IOException;

        /** The blob's file when it lives on a local filesystem (lets delivery use zero-copy reads). */
        default Optional<Path> localFile() {
            return Optional.empty();
        }
    }
}
