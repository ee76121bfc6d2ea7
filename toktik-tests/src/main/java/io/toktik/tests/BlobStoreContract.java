package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.BlobTooLargeException;
import io.toktik.core.storage.MultipartUploads;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link BlobStore} adapter must do. Each test works under its own random prefix, so an
 * implementation may share one store (one bucket) across tests.
 */
public abstract class BlobStoreContract {
    /** Large enough to span several parts of any chunked upload (S3 parts are at least 5 MiB). */
    protected static final int LARGE = 20 * 1024 * 1024;

    @TempDir
    protected Path tmp;

    private final String prefix = "contract/" + UUID.randomUUID() + "/";

    /** The store under test. */
    protected abstract BlobStore store();

    @Test
    void write_thenGet_returnsTheBytesAndTheirLength() throws Exception {
        assertThat(store().write(key("a"), text("hello world"), 100)).isEqualTo(11);
        BlobStore.Blob blob = store().get(key("a")).orElseThrow();
        assertThat(blob.length()).isEqualTo(11);
        assertThat(read(blob, 0)).isEqualTo("hello world");
    }

    @Test
    void open_fromAnOffset_readsTheRestOnly() throws Exception {
        store().write(key("a"), text("hello world"), 100);
        BlobStore.Blob blob = store().get(key("a")).orElseThrow();
        assertThat(read(blob, 6)).isEqualTo("world");
        assertThat(read(blob, 10)).isEqualTo("d");
        assertThat(read(blob, 11)).isEmpty();
    }

    @Test
    void write_ofAnEmptyBody_storesAnEmptyBlob() throws Exception {
        assertThat(store().write(key("empty"), InputStream.nullInputStream(), 100)).isZero();
        BlobStore.Blob blob = store().get(key("empty")).orElseThrow();
        assertThat(blob.length()).isZero();
        assertThat(read(blob, 0)).isEmpty();
    }

    @Test
    void write_ofExactlyTheLimit_isAccepted() throws Exception {
        assertThat(store().write(key("a"), new ByteArrayInputStream(new byte[100]), 100)).isEqualTo(100);
        assertThat(store().get(key("a")).orElseThrow().length()).isEqualTo(100);
    }

    @Test
    void write_overAnExistingKey_replacesTheBlob() throws Exception {
        store().write(key("playlist.m3u8"), text("first version, longer"), 100);
        store().write(key("playlist.m3u8"), text("second"), 100);
        BlobStore.Blob blob = store().get(key("playlist.m3u8")).orElseThrow();
        assertThat(blob.length()).isEqualTo(6);
        assertThat(read(blob, 0)).isEqualTo("second");
    }

    @Test
    void write_overTheLimit_storesNothing() throws Exception {
        assertThatThrownBy(() -> store().write(key("a"), new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(store().get(key("a"))).isEmpty();
    }

    @Test
    void write_overTheLimit_leavesThePreviousBlobInPlace() throws Exception {
        store().write(key("a"), text("kept"), 100);
        assertThatThrownBy(() -> store().write(key("a"), new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(read(store().get(key("a")).orElseThrow(), 0)).isEqualTo("kept");
    }

    @Test
    void largeWrite_overTheLimit_storesNothing() throws Exception {
        assertThatThrownBy(() -> store().write(key("large"), new GeneratedStream(LARGE, 2), LARGE / 2))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(store().get(key("large"))).isEmpty();
    }

    @Test
    void write_whoseBodyFailsMidway_storesNothing() throws Exception {
        InputStream failing = new GeneratedStream(LARGE, 3) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (produced() > LARGE / 2) throw new IOException("client went away");
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> store().write(key("broken"), failing, LARGE)).hasMessageContaining("client went away");
        assertThat(store().get(key("broken"))).isEmpty();
    }

    @Test
    void largeWrite_keepsEveryByteInOrder() throws Exception {
        GeneratedStream body = new GeneratedStream(LARGE + 12_345, 4);
        assertThat(store().write(key("large"), body, Long.MAX_VALUE)).isEqualTo(LARGE + 12_345);
        BlobStore.Blob blob = store().get(key("large")).orElseThrow();
        assertThat(blob.length()).isEqualTo(LARGE + 12_345);
        assertThat(sha256(blob.open(0))).isEqualTo(sha256(new GeneratedStream(LARGE + 12_345, 4)));
    }

    @Test
    void largeBlob_readFromAnOffsetInALaterPart_matchesTheSource() throws Exception {
        store().write(key("large"), new GeneratedStream(LARGE, 5), Long.MAX_VALUE);
        long offset = LARGE - 3_000_000;
        InputStream expected = new GeneratedStream(LARGE, 5);
        expected.skipNBytes(offset);
        assertThat(sha256(store().get(key("large")).orElseThrow().open(offset))).isEqualTo(sha256(expected));
    }

    @Test
    void putFile_thenDownload_roundTrips() throws Exception {
        Path source = tmp.resolve("source.bin");
        try (InputStream in = new GeneratedStream(3 * 1024 * 1024 + 7, 6)) {
            Files.copy(in, source);
        }
        store().putFile(key("hls/720p/seg_00001.ts"), source);
        Path copy = tmp.resolve("copy.bin");
        store().download(key("hls/720p/seg_00001.ts"), copy);
        assertThat(copy).hasSameBinaryContentAs(source);
        assertThat(store().get(key("hls/720p/seg_00001.ts")).orElseThrow().length()).isEqualTo(Files.size(source));
    }

    @Test
    void download_replacesAnExistingTargetFile() throws Exception {
        store().write(key("a"), text("new"), 100);
        Path target = Files.writeString(tmp.resolve("target"), "an older, longer content");
        store().download(key("a"), target);
        assertThat(target).hasContent("new");
    }

    @Test
    void download_ofAMissingKey_throwsNoSuchFile() {
        assertThatThrownBy(() -> store().download(key("missing"), tmp.resolve("target")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void get_ofAMissingKey_isEmpty() throws Exception {
        assertThat(store().get(key("missing"))).isEmpty();
        assertThat(store().get(key("missing/deeper/still.ts"))).isEmpty();
    }

    @Test
    void deleteAll_removesExactlyThePrefix() throws Exception {
        String[] doomed = {"v1/source", "v1/poster.jpg", "v1/hls/master.m3u8", "v1/hls/240p/index.m3u8",
            "v1/hls/240p/seg_00000.ts", "v1/hls/240p/seg_00001.ts", "v1/hls/720p/seg_00000.ts"};
        String[] kept = {"v10/source", "v2/poster.jpg", "v2/hls/240p/seg_00000.ts", "v1.jpg"};
        for (String k : doomed) store().write(key(k), text(k), 100);
        for (String k : kept) store().write(key(k), text(k), 100);

        store().deleteAll(key("v1/"));

        for (String k : doomed) assertThat(store().get(key(k))).as(k).isEmpty();
        for (String k : kept) assertThat(read(store().get(key(k)).orElseThrow(), 0)).isEqualTo(k);
    }

    @Test
    void deleteAll_ofAnEmptyPrefix_isANoOp() throws Exception {
        store().write(key("kept"), text("kept"), 100);
        store().deleteAll(key("nothing-here/"));
        assertThat(store().get(key("kept"))).isPresent();
    }

    @Test
    void nestedKeys_areStoredIndependently() throws Exception {
        store().write(key("a/b/c/d/e.ts"), text("deep"), 100);
        store().write(key("a/b/x.ts"), text("shallow"), 100);
        store().write(key("a/y.ts"), text("top"), 100);
        assertThat(read(store().get(key("a/b/c/d/e.ts")).orElseThrow(), 0)).isEqualTo("deep");
        assertThat(read(store().get(key("a/b/x.ts")).orElseThrow(), 0)).isEqualTo("shallow");
        assertThat(read(store().get(key("a/y.ts")).orElseThrow(), 0)).isEqualTo("top");
        assertThat(store().get(key("a/b"))).isEmpty();
    }

    @Test
    void parts_completed_becomeTheBlob_eachAtItsOffset() throws Exception {
        String id = store().startParts(key("source"));
        long size = partSize();
        StoredPart first = putPart(id, 3, 0, size, 10);
        StoredPart second = putPart(id, 7, size, size, 11);
        StoredPart last = putPart(id, 9, 2 * size, 12_345, 12);
        assertThat(store().get(key("source"))).as("nothing visible before completion").isEmpty();

        store().completeParts(key("source"), id, List.of(first, second, last));

        BlobStore.Blob blob = store().get(key("source")).orElseThrow();
        assertThat(blob.length()).isEqualTo(2 * size + 12_345);
        assertThat(sha256(blob.open(0))).isEqualTo(sha256(concat(part(size, 10), part(size, 11), part(12_345, 12))));
    }

    @Test
    void openParts_beforeCompletion_readsTheNamedPartsFromAnOffset_whereTheStoreSaysItCan() throws Exception {
        String id = store().startParts(key("source"));
        StoredPart first = putPart(id, 1, 0, partSize(), 40);
        StoredPart second = putPart(id, 2, partSize(), 1000, 41);
        putPart(id, 3, partSize() + 1000, 500, 42); // stored, but not (yet) named
        byte[] whole = concat(part(partSize(), 40), part(1000, 41)).readAllBytes();
        long from = partSize() - 10;
        var opened = store().openParts(key("source"), id, List.of(first, second), from);
        if (!store().readsUnfinishedParts()) {
            assertThat(opened).isEmpty();
            return;
        }
        try (InputStream in = opened.get()) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(whole, (int) from, whole.length));
        }
        assertThat(store().get(key("source"))).isEmpty();
    }

    @Test
    void aRangeStoredAgain_holdsTheLaterPart_andTheEarlierOneIsNotInTheBlob() throws Exception {
        String id = store().startParts(key("source"));
        StoredPart first = putPart(id, 1, 0, partSize(), 20);
        putPart(id, 2, partSize(), 5000, 21); // a chunk that was refused later (say, a checksum mismatch)
        StoredPart last = putPart(id, 3, partSize(), 1000, 22); // the chunk sent again, shorter
        store().completeParts(key("source"), id, List.of(first, last));
        BlobStore.Blob blob = store().get(key("source")).orElseThrow();
        assertThat(blob.length()).isEqualTo(partSize() + 1000);
        assertThat(sha256(blob.open(0))).isEqualTo(sha256(concat(part(partSize(), 20), part(1000, 22))));
    }

    @Test
    void aPartNotNamed_storedOverANamedOneAfterIt_neverShowsInTheBlob() throws Exception {
        String id = store().startParts(key("source"));
        StoredPart first = putPart(id, 1, 0, partSize(), 23);
        StoredPart last = putPart(id, 2, partSize(), 1000, 24);
        putPart(id, 3, 0, partSize(), 25); // a writer that was overtaken, late, over bytes already kept
        try {
            store().completeParts(key("source"), id, List.of(first, last));
        } catch (IOException refused) {
            assertThat(store().get(key("source"))).as("a refused completion shows nothing").isEmpty();
            return;
        }
        assertThat(sha256(store().get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(concat(part(partSize(), 23), part(1000, 24))));
    }

    @Test
    void writePart_asItsBytesArrive_whereTheStoreWritesInPlace() throws Exception {
        String id = store().startParts(key("source"));
        if (!store().writesPartsInPlace()) {
            assertThatThrownBy(() -> store().writePart(key("source"), id, 1, 0)).isInstanceOf(UnsupportedOperationException.class);
            store().abortParts(key("source"), id);
            return;
        }
        StoredPart first = putPart(id, 1, 0, 1000, 100);
        byte[] bytes = part(5000, 101).readAllBytes();
        StoredPart second;
        try (MultipartUploads.PartWriter part = store().writePart(key("source"), id, 2, 1000)) {
            part.write(bytes, 0, 3000);
            part.write(bytes, 3000, 2000);
            second = part.finish();
        }
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(5000);
        assertThat(store().get(key("source"))).as("nothing visible before completion").isEmpty();
        store().completeParts(key("source"), id, List.of(first, second));
        assertThat(sha256(store().get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(concat(part(1000, 100), part(5000, 101))));
    }

    @Test
    void putPart_ofAStreamShorterThanItsLength_failsAndAnotherTryStoresThePart() throws Exception {
        String id = store().startParts(key("source"));
        assertThatThrownBy(() -> store().putPart(key("source"), id, 1, 0, part(500, 30), 1000)).isInstanceOf(IOException.class);
        StoredPart part = putPart(id, 1, 0, 1000, 31);
        store().completeParts(key("source"), id, List.of(part));
        assertThat(sha256(store().get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(part(1000, 31)));
    }

    @Test
    void completeParts_replacesAnExistingBlob() throws Exception {
        store().write(key("source"), text("an older source"), 100);
        String id = store().startParts(key("source"));
        store().completeParts(key("source"), id, List.of(putPart(id, 1, 0, 10, 40)));
        assertThat(sha256(store().get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(part(10, 40)));
    }

    @Test
    void twoUploadsOfOneKey_areIndependent_andTheLastCompletedWins() throws Exception {
        String a = store().startParts(key("source"));
        String b = store().startParts(key("source"));
        StoredPart fromA = putPart(a, 1, 0, 100, 50);
        StoredPart fromB = putPart(b, 1, 0, 200, 51);
        store().completeParts(key("source"), a, List.of(fromA));
        assertThat(store().get(key("source")).orElseThrow().length()).isEqualTo(100);
        store().completeParts(key("source"), b, List.of(fromB));
        assertThat(sha256(store().get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(part(200, 51)));
    }

    @Test
    void abortParts_storesNothing_andMayBeRepeated() throws Exception {
        String id = store().startParts(key("source"));
        putPart(id, 1, 0, partSize(), 60);
        store().abortParts(key("source"), id);
        store().abortParts(key("source"), id);
        assertThat(store().get(key("source"))).isEmpty();
        assertThatThrownBy(() -> store().completeParts(key("source"), id, List.of(new StoredPart(1, "x", partSize()))))
                .isInstanceOf(IOException.class);
        assertThat(store().get(key("source"))).isEmpty();
    }

    /** The smallest part the store accepts before the last one. */
    protected long partSize() {
        return Math.max(store().minPartSize(), 64 * 1024);
    }

    /** Stores part {@code number}: {@code size} bytes from {@code seed}, at {@code offset} in the blob. */
    protected StoredPart putPart(String uploadId, int number, long offset, long size, long seed) throws IOException {
        StoredPart part = store().putPart(key("source"), uploadId, number, offset, part(size, seed), size);
        assertThat(part.number()).isEqualTo(number);
        assertThat(part.size()).isEqualTo(size);
        return part;
    }

    protected static InputStream part(long size, long seed) {
        return new GeneratedStream(size, seed);
    }

    protected static InputStream concat(InputStream... parts) {
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(parts)));
    }

    /** The key {@code relative} under this test's own prefix. */
    protected String key(String relative) {
        return prefix + relative;
    }

    protected static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    protected static String read(BlobStore.Blob blob, long offset) throws IOException {
        try (InputStream in = blob.open(offset)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The SHA-256 of everything {@code in} holds, read in a stream (it is closed). */
    protected static String sha256(InputStream in) throws IOException {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code length} pseudo-random bytes from {@code seed}: the same seed gives the same bytes however they are read,
     * and only one block is held in memory.
     */
    protected static class GeneratedStream extends InputStream {
        private final long length;
        private final Random random;
        private final byte[] block = new byte[64 * 1024];
        private int used = block.length;
        private long produced;

        public GeneratedStream(long length, long seed) {
            this.length = length;
            this.random = new Random(seed);
        }

        protected long produced() {
            return produced;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (produced == length) return -1;
            if (used == block.length) {
                random.nextBytes(block);
                used = 0;
            }
            int n = (int) Math.min(Math.min(len, block.length - used), length - produced);
            System.arraycopy(block, used, b, off, n);
            used += n;
            produced += n;
            return n;
        }
    }
}
