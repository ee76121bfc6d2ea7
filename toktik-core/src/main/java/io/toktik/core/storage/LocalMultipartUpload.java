package io.toktik.core.storage;

import io.toktik.core.storage.MultipartUploads.PartWriter;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One multipart upload on a local disk: a directory holding the blob-to-be, one file that every part is written into
 * at its offset (so completing it is a rename, not a copy), and a journal of the parts stored, in the order their
 * bytes were written. The journal is what keeps a blob whole when writers overlap: a part numbered below the newest
 * is refused (its writer was overtaken by a later one, which may already be rewriting the same bytes), and completion
 * refuses parts whose bytes a part not named was written over afterwards. Completing or aborting closes the journal,
 * so a writer that was still running cannot touch the file once it is the blob; a completion that fails leaves it
 * open, to be tried again.
 *
 * <p>Every change holds the journal's lock: a lock shared by the threads of this JVM, then the file lock, which other
 * processes on the same directory respect.
 */
final class LocalMultipartUpload {
    private static final String DATA = "data";
    private static final String JOURNAL = "parts";
    /** A journal record: the part's number (int), offset and length (longs). */
    private static final int RECORD = Integer.BYTES + 2 * Long.BYTES;
    /** The number of the record that closes a journal (part numbers start at 1). */
    private static final int CLOSED = 0;
    private static final int BUFFER = 256 * 1024;
    /** Locks of this JVM's writers, by upload (a file lock is the process's, so threads need their own). */
    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new ReentrantLock();
    }

    private final String id;
    private final Path dir;

    LocalMultipartUpload(String id, Path dir) {
        this.id = id;
        this.dir = dir;
    }

    /** Creates the upload's directory, its empty file and its empty journal. */
    void create() throws IOException {
        Files.createDirectory(dir);
        Files.createFile(dir.resolve(DATA));
        Files.createFile(dir.resolve(JOURNAL));
    }

    /** Starts part {@code number} at {@code offset}, written as its bytes arrive. */
    PartWriter open(int number, long offset) throws IOException {
        if (offset < 0) throw new IllegalArgumentException("Part " + number + " has a negative offset.");
        FileChannel journal = openJournal();
        try {
            try (JournalLock locked = lock(journal)) {
                locked.requireNewest(number, true);
                // before any byte: a part that never finishes (a crash, say) counts as written over all that follows
                locked.append(new Part(number, offset, Part.OPEN));
            }
            return new InPlacePart(journal, FileChannel.open(dir.resolve(DATA), StandardOpenOption.WRITE), number, offset);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Writes part {@code number} at {@code offset}: exactly {@code length} bytes of {@code in}. */
    StoredPart write(int number, long offset, InputStream in, long length) throws IOException {
        try (PartWriter part = open(number, offset)) {
            byte[] buffer = new byte[BUFFER];
            long copied = 0;
            for (int n; (n = in.read(buffer)) != -1; copied += n) part.write(buffer, 0, n);
            if (copied != length) throw new IOException("Part " + number + " held " + copied + " bytes, not " + length + ".");
            return part.finish();
        }
    }

    /** Moves a completed upload's file to where the blob belongs. */
    interface Placement {
        void moveIntoPlace(Path data) throws IOException;
    }

    /**
     * Checks the named parts against the journal, cuts the file to their total length, has {@code placement} move it
     * into place, and only then closes the journal — all under its lock, so no writer touches the file meanwhile. A
     * failure on the way leaves the upload as it was (but for bytes past the named parts), to be completed again.
     */
    void complete(List<StoredPart> named, Placement placement) throws IOException {
        try (FileChannel journal = openJournal(); JournalLock locked = lock(journal)) {
            long total = check(named, locked.parts());
            Path data = dir.resolve(DATA);
            try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE)) {
                if (channel.size() < total) throw new IOException("Upload " + id + " holds " + channel.size() + " bytes, not the " + total + " of its parts.");
                channel.truncate(total); // past the named parts: bytes of a part that was not kept
            }
            placement.moveIntoPlace(data);
            locked.append(new Part(CLOSED, 0, 0));
        }
    }

    /** The named parts' bytes from {@code from} on, as they are now. */
    InputStream open(List<StoredPart> named, long from) throws IOException {
        long total = named.stream().mapToLong(StoredPart::size).sum();
        FileChannel data = FileChannel.open(dir.resolve(DATA), StandardOpenOption.READ);
        if (data.size() < total) {
            data.close();
            throw new IOException("Upload " + id + " holds " + data.size() + " bytes, fewer than the " + total + " of its parts.");
        }
        return new RangeInputStream(data, Math.min(from, total), total);
    }

    /** Closes the journal, so that no writer still running touches the file again; the caller then deletes it all. */
    void close() throws IOException {
        try (FileChannel journal = openJournal(); JournalLock locked = lock(journal)) {
            locked.append(new Part(CLOSED, 0, 0));
        } catch (PartOvertakenException e) {
            // completed or aborted already
        }
    }

    /**
     * The named parts' total length, once each is known to lie where it should (right after the one before) and to
     * have been written last wherever it lies.
     */
    private long check(List<StoredPart> named, List<Part> records) throws IOException {
        List<Part> journal = finished(records);
        Map<Integer, Integer> lastRecord = new HashMap<>();
        for (int i = 0; i < journal.size(); i++) lastRecord.put(journal.get(i).number(), i);
        long[] starts = new long[named.size()];
        long position = 0;
        for (int p = 0; p < named.size(); p++) {
            StoredPart part = named.get(p);
            Integer record = lastRecord.get(part.number());
            if (record == null) throw new IOException("Part " + part.number() + " of upload " + id + " is missing.");
            Part written = journal.get(record);
            if (written.isOpen()) throw new IOException("Part " + part.number() + " of upload " + id + " was never finished.");
            if (written.offset() != position || written.length() != part.size()) {
                throw new IOException("Part " + part.number() + " of upload " + id + " holds bytes " + written.offset() + "+" + written.length()
                        + ", not " + position + "+" + part.size() + ".");
            }
            starts[p] = position;
            position += part.size();
        }
        for (int i = 0; i < journal.size(); i++) {
            Part later = journal.get(i);
            for (int p = firstOverlapped(starts, position, later); p < named.size() && starts[p] < later.end(); p++) {
                int number = named.get(p).number();
                if (lastRecord.get(number) < i) {
                    // a chunk overtaken by a later one, which completed meanwhile: the client asks for the offset again
                    throw new PartOvertakenException("Part " + later.number() + " of upload " + id + " was written over part " + number + " after it, and is not kept.");
                }
            }
        }
        return position;
    }

    /**
     * The records with each part begun and then finished by one writer, with no record between (no other writer
     * began meanwhile), as the one finished record: its bytes are just those written.
     */
    private static List<Part> finished(List<Part> records) {
        List<Part> parts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Part part = records.get(i);
            boolean finishedNext = part.isOpen() && i + 1 < records.size() && records.get(i + 1).number() == part.number()
                    && records.get(i + 1).offset() == part.offset() && !records.get(i + 1).isOpen();
            if (!finishedNext) parts.add(part);
        }
        return parts;
    }

    /** The index of the first named part (starting at {@code starts}, ending at {@code end}) that {@code part} overlaps. */
    private static int firstOverlapped(long[] starts, long end, Part part) {
        if (part.end() == part.offset() || part.offset() >= end) return starts.length;
        int at = Arrays.binarySearch(starts, part.offset());
        return at >= 0 ? at : -at - 2;
    }

    private FileChannel openJournal() throws IOException {
        try {
            return FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) { // deleted once completed or aborted: a writer still running was overtaken by its end
            throw new PartOvertakenException("Multipart upload " + id + " is completed or aborted (or never was).");
        }
    }

    /** Takes this JVM's lock of the upload, then the journal's file lock. */
    private JournalLock lock(FileChannel journal) throws IOException {
        ReentrantLock stripe = STRIPES[Math.floorMod(id.hashCode(), STRIPES.length)];
        stripe.lock();
        try {
            return new JournalLock(id, journal, journal.lock(), stripe);
        } catch (IOException | RuntimeException e) {
            stripe.unlock();
            throw e;
        }
    }

    /** A part being written into the upload's file, each write checked against the journal under its lock. */
    private final class InPlacePart implements PartWriter {
        private final FileChannel journal;
        private final FileChannel data;
        private final int number;
        private final long offset;
        private long written;

        InPlacePart(FileChannel journal, FileChannel data, int number, long offset) {
            this.journal = journal;
            this.data = data;
            this.number = number;
            this.offset = offset;
        }

        @Override
        public void write(byte[] bytes, int off, int length) throws IOException {
            try (JournalLock locked = lock(journal)) {
                locked.requireNewest(number, false);
                ByteBuffer buffer = ByteBuffer.wrap(bytes, off, length);
                while (buffer.hasRemaining()) data.write(buffer, offset + written + buffer.position() - off);
            }
            written += length;
        }

        @Override
        public StoredPart finish() throws IOException {
            try (JournalLock locked = lock(journal)) {
                locked.requireNewest(number, false);
                locked.append(new Part(number, offset, written));
            }
            return new StoredPart(number, Long.toString(offset), written);
        }

        @Override
        public void close() throws IOException {
            try (journal) {
                data.close();
            }
        }
    }

    /** A journal entry: a part's number and the bytes it was written over ({@link #OPEN}: from its offset on). */
    private record Part(int number, long offset, long length) {
        /** The length of a part begun: its writer may write any number of bytes until it finishes. */
        static final long OPEN = -1;

        boolean isOpen() {
            return length == OPEN;
        }

        long end() {
            return isOpen() ? Long.MAX_VALUE : offset + length;
        }
    }

    /** The journal, locked. Its records are read and appended whole; a torn last one (a crash midway) is ignored. */
    private record JournalLock(String id, FileChannel channel, FileLock fileLock, ReentrantLock stripe) implements AutoCloseable {

        /**
         * Fails unless part {@code number} is the newest begun (or, {@code orLater}, about to be): a part numbered
         * higher means this one's writer was overtaken; a closed journal, that the upload was completed or aborted —
         * which overtook it too.
         */
        void requireNewest(int number, boolean orLater) throws IOException {
            int newest = newest();
            if (number < newest || (!orLater && number != newest)) {
                throw new PartOvertakenException("Part " + number + " of upload " + id + " comes before part " + newest + ": its writer was overtaken.");
            }
        }

        /** The number of the part begun last, or 0 for none yet; fails when the journal is closed. */
        private int newest() throws IOException {
            long records = channel.size() / RECORD;
            if (records == 0) return CLOSED;
            ByteBuffer last = ByteBuffer.allocate(RECORD);
            while (last.hasRemaining() && channel.read(last, (records - 1) * RECORD + last.position()) >= 0) {
                // read on
            }
            int number = last.flip().getInt();
            if (number == CLOSED) throw closed();
            return number;
        }

        /** The records so far; fails when the journal is closed. */
        List<Part> parts() throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(channel.size() / RECORD * RECORD));
            while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) >= 0) {
                // read on
            }
            bytes.flip();
            List<Part> parts = new ArrayList<>(bytes.remaining() / RECORD);
            while (bytes.remaining() >= RECORD) {
                Part part = new Part(bytes.getInt(), bytes.getLong(), bytes.getLong());
                if (part.number() == CLOSED) throw closed();
                parts.add(part);
            }
            return parts;
        }

        private PartOvertakenException closed() {
            return new PartOvertakenException("Multipart upload " + id + " is completed or aborted.");
        }

        void append(Part part) throws IOException {
            ByteBuffer record = ByteBuffer.allocate(RECORD).putInt(part.number()).putLong(part.offset()).putLong(part.length()).flip();
            long at = channel.size() / RECORD * RECORD;
            while (record.hasRemaining()) at += channel.write(record, at);
        }

        @Override
        public void close() throws IOException {
            try {
                fileLock.release();
            } finally {
                stripe.unlock();
            }
        }
    }

    /** The bytes of a file from one position up to another, read without moving any shared position. */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        RangeInputStream(FileChannel channel, long from, long end) {
            this.channel = channel;
            this.position = from;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) return -1;
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n == -1) throw new EOFException("The upload's file ended before its parts did.");
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
