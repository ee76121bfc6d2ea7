package io.toktik.core.upload;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.MultipartUploads.PartWriter;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import io.toktik.core.storage.PartOvertakenException;
import io.toktik.core.upload.ChunkRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one chunk of an upload into the blob store. Where the store writes parts in place (a local disk), the chunk
 * is one part written as it arrives, a slice at a time. Elsewhere (S3) at most one part is held in memory: full parts
 * go up as the bytes arrive, each at its offset in the upload; what is left at the end becomes a part too, unless it
 * is shorter than the store's smallest part and not the end of the upload: then it is staged as a blob of its own
 * (the tail) and read back in front of the next chunk. Each part number is reserved only while the upload is still
 * at the chunk's offset, so a chunk never writes over bytes another request has committed. Nothing is recorded here:
 * the caller commits the chunk, or forgets it (parts it names nowhere never show in the completed blob).
 */
final class ChunkWriter {
    private static final Logger log = LoggerFactory.getLogger(ChunkWriter.class);
    /** The size of the parts a chunk is cut into, and so the memory one chunk in flight holds. */
    static final int PART_SIZE = 8 * 1024 * 1024;
    /** How much of a chunk is read before it is written, where the store writes parts in place. */
    private static final int SLICE = 256 * 1024;

    private final BlobStore blobs;
    private final UploadRepository uploads;
    private final PartBuffers buffers;
    private final Upload upload;

    /** @param buffers of {@link #partSize(BlobStore)} bytes */
    ChunkWriter(BlobStore blobs, UploadRepository uploads, PartBuffers buffers, Upload upload) {
        this.blobs = blobs;
        this.uploads = uploads;
        this.buffers = buffers;
        this.upload = upload;
    }

    /** The size of a part (the last of an upload may be shorter): {@link #PART_SIZE}, or the store's smallest part. */
    static int partSize(BlobStore blobs) {
        return Math.toIntExact(Math.max(PART_SIZE, blobs.minPartSize()));
    }

    /** What one chunk stored: its byte count, its parts (in the order of their numbers), and the new tail (null when none). */
    record Chunk(long received, List<StoredPart> parts, String tailKey, long tailLength) {}

    /**
     * @param expectedSha1 the SHA-1 the chunk's bytes must have, or null
     * @throws ChunkRefusedException on a checksum mismatch, bytes past the upload's length, or a broken connection
     *                               during a chunk with a checksum
     */
    Chunk write(InputStream body, byte[] expectedSha1) throws IOException {
        if (blobs.writesPartsInPlace()) return writeInPlace(body, expectedSha1);
        byte[] buffer = buffers.take();
        try {
            return writeParts(body, expectedSha1, buffer, (int) Math.clamp(upload.tailLength() + upload.remaining(), 1, buffer.length));
        } finally {
            buffers.give(buffer);
        }
    }

    /** The whole chunk as one part, written as it arrives, a slice at a time. */
    private Chunk writeInPlace(InputStream body, byte[] expectedSha1) throws IOException {
        byte[] slice = new byte[SLICE];
        try (InPlacePart part = new InPlacePart()) {
            MessageDigest digest = expectedSha1 == null ? null : sha1();
            Read read = read(body, digest, slice, 0, slice.length, part);
            verify(digest, expectedSha1, read.broken());
            if (read.received() == 0) return new Chunk(0, List.of(), null, 0);
            if (read.filled() > 0) part.full(slice, read.filled());
            return new Chunk(read.received(), List.of(part.finish()), null, 0);
        }
    }

    /** The chunk's one part where the store writes in place, begun (its number reserved) when its first bytes arrive. */
    private final class InPlacePart implements Slices, AutoCloseable {
        private PartWriter writer;

        @Override
        public void full(byte[] buffer, int length) throws IOException {
            try {
                if (writer == null) writer = blobs.writePart(BlobKeys.source(upload.videoId()), upload.storeHandle(), reservePartNumber(), upload.received());
                writer.write(buffer, 0, length);
            } catch (PartOvertakenException e) {
                throw overtaken();
            }
        }

        StoredPart finish() throws IOException {
            try {
                return writer.finish();
            } catch (PartOvertakenException e) {
                throw overtaken();
            }
        }

        private ChunkRefusedException overtaken() {
            return new ChunkRefusedException(Reason.OFFSET_MISMATCH, "A later request took this upload over during the chunk; ask for its offset again.");
        }

        @Override
        public void close() throws IOException {
            if (writer != null) writer.close();
        }
    }

    /** @param partLength how much of {@code buffer} one part fills */
    private Chunk writeParts(InputStream body, byte[] expectedSha1, byte[] buffer, int partLength) throws IOException {
        MessageDigest digest = expectedSha1 == null ? null : sha1();
        List<StoredPart> parts = new ArrayList<>();
        Read read = read(body, digest, buffer, readTail(buffer), partLength, (bytes, length) -> parts.add(putPart(bytes, length, parts)));
        verify(digest, expectedSha1, read.broken());
        if (read.received() == 0) return new Chunk(0, List.of(), upload.tailKey(), upload.tailLength());
        int filled = read.filled();
        boolean last = read.received() == upload.remaining();
        if (filled > 0 && (last || filled >= blobs.minPartSize())) {
            parts.add(putPart(buffer, filled, parts));
        } else if (filled > 0) {
            return new Chunk(read.received(), parts, stageTail(buffer, filled), filled);
        }
        return new Chunk(read.received(), parts, null, 0);
    }

    /** What {@link #read} took from the body: its byte count, how much of the buffer it left filled, whether the connection broke. */
    private record Read(long received, int filled, boolean broken) {}

    /** Where {@link #read} hands each full slice of its buffer. */
    private interface Slices {
        void full(byte[] buffer, int length) throws IOException;
    }

    /**
     * Reads the body into {@code buffer} after the {@code filled} bytes already there, handing it to {@code slices}
     * each time {@code sliceLength} bytes fill it, up to the body's end or until the connection breaks.
     */
    private Read read(InputStream body, MessageDigest digest, byte[] buffer, int filled, int sliceLength, Slices slices) throws IOException {
        long received = 0;
        while (true) {
            int n;
            try {
                n = body.read(buffer, filled, sliceLength - filled);
            } catch (IOException e) { // the client went away: keep what arrived, as tus asks
                log.info("Upload {}: the connection broke after {} bytes of a chunk: {}", upload.id(), received, e.toString());
                return new Read(received, filled, true);
            }
            if (n == -1) return new Read(received, filled, false);
            received += n;
            if (received > upload.remaining()) {
                throw new ChunkRefusedException(Reason.PAST_LENGTH, "The chunk goes past the upload's length of " + upload.length() + " bytes.");
            }
            if (digest != null) digest.update(buffer, filled, n);
            filled += n;
            if (filled == sliceLength) {
                slices.full(buffer, filled);
                filled = 0;
            }
        }
    }

    private static void verify(MessageDigest digest, byte[] expectedSha1, boolean broken) throws ChunkRefusedException {
        if (digest != null && broken) throw new ChunkRefusedException(Reason.UNVERIFIABLE, "The chunk broke off before its checksum could be verified.");
        if (digest != null && !MessageDigest.isEqual(digest.digest(), expectedSha1)) {
            throw new ChunkRefusedException(Reason.CHECKSUM_MISMATCH, "The chunk's bytes do not match its Upload-Checksum.");
        }
    }

    private int readTail(byte[] buffer) throws IOException {
        if (upload.tailKey() == null) return 0;
        BlobStore.Blob tail = blobs.get(upload.tailKey()).orElseThrow(() -> new IOException("The staged tail of upload " + upload.id() + " is missing."));
        int length = Math.toIntExact(upload.tailLength());
        try (InputStream in = tail.open(0)) {
            if (tail.length() != length || in.readNBytes(buffer, 0, length) != length) {
                throw new IOException("The staged tail of upload " + upload.id() + " is not the " + length + " bytes recorded.");
            }
        }
        return length;
    }

    /** @param before the parts this chunk stored already, which the new one follows */
    private StoredPart putPart(byte[] buffer, int length, List<StoredPart> before) throws IOException {
        int number = reservePartNumber();
        long offset = upload.received() - upload.tailLength() + before.stream().mapToLong(StoredPart::size).sum();
        return blobs.putPart(BlobKeys.source(upload.videoId()), upload.storeHandle(), number, offset, new ByteArrayInputStream(buffer, 0, length), length);
    }

    /** A part number, taken only while the upload is still at the chunk's offset. */
    private int reservePartNumber() throws IOException {
        int number = uploads.reservePartNumber(upload.id(), upload.received()).orElseThrow(() -> new ChunkRefusedException(Reason.OFFSET_MISMATCH,
                "Another request moved this upload (or ended it) during the chunk; ask for its offset again."));
        if (number > blobs.maxParts()) throw new IOException("Upload " + upload.id() + " has used up the store's " + blobs.maxParts() + " parts.");
        return number;
    }

    private String stageTail(byte[] buffer, int length) throws IOException {
        String key = BlobKeys.uploadPrefix(upload.id()) + "tail-" + UUID.randomUUID();
        blobs.write(key, new ByteArrayInputStream(buffer, 0, length), length);
        return key;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-1", e);
        }
    }
}
