package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.FileSystemBlobStore;
import io.toktik.core.storage.MultipartUploads.PartWriter;
import io.toktik.core.storage.MultipartUploads.StoredPart;
import io.toktik.core.storage.PartOvertakenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded store meets the blob store contract; its parts are written in place, into one file per upload. */
class FileSystemBlobStoreContractTest extends BlobStoreContract {
    private BlobStore store;

    @BeforeEach
    void createStore() throws Exception {
        store = new FileSystemBlobStore(tmp.resolve("blobs"));
    }

    @Test
    void abortParts_leavesNoPartFileBehind() throws Exception {
        String id = store.startParts(key("source"));
        putPart(id, 1, 0, 1000, 9);
        store.abortParts(key("source"), id);
        try (Stream<Path> left = Files.list(tmp.resolve("blobs/.multipart"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void completeParts_leavesNoPartFileBehind() throws Exception {
        String id = store.startParts(key("source"));
        store.completeParts(key("source"), id, List.of(putPart(id, 1, 0, 1000, 9)));
        try (Stream<Path> left = Files.list(tmp.resolve("blobs/.multipart"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aPartNumberedBelowTheNewest_isRefused_andTheBlobKeepsTheNewerBytes() throws Exception {
        String id = store.startParts(key("source"));
        StoredPart first = putPart(id, 2, 0, 1000, 80);
        StoredPart last = putPart(id, 3, 1000, 500, 81);
        assertThatThrownBy(() -> putPart(id, 1, 0, 1000, 82)).isInstanceOf(PartOvertakenException.class);
        store.completeParts(key("source"), id, List.of(first, last));
        assertThat(sha256(store.get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(concat(part(1000, 80), part(500, 81))));
    }

    @Test
    void aPartNotNamed_storedOverANamedOneAfterIt_failsTheCompletion_andANewerPartMendsTheRange() throws Exception {
        String id = store.startParts(key("source"));
        StoredPart first = putPart(id, 1, 0, 1000, 83);
        StoredPart last = putPart(id, 2, 1000, 1000, 84);
        putPart(id, 3, 500, 1000, 85);
        assertThatThrownBy(() -> store.completeParts(key("source"), id, List.of(first, last)))
                .as("the chunk was overtaken").isInstanceOf(PartOvertakenException.class)
                .hasMessageContaining("written over part 1");
        assertThat(store.get(key("source"))).isEmpty();

        StoredPart again = putPart(id, 4, 1000, 1000, 86);
        assertThatThrownBy(() -> store.completeParts(key("source"), id, List.of(first, again))).as("part 1 is still spoilt")
                .hasMessageContaining("written over part 1");
        StoredPart mended = putPart(id, 5, 0, 1000, 87);
        store.completeParts(key("source"), id, List.of(mended, again));
        assertThat(sha256(store.get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(concat(part(1000, 87), part(1000, 86))));
    }

    @Test
    void partsThatDoNotFollowEachOther_areRefusedAtCompletion() throws Exception {
        String id = store.startParts(key("source"));
        StoredPart first = putPart(id, 1, 0, 1000, 88);
        StoredPart gap = putPart(id, 2, 1500, 1000, 89);
        assertThatThrownBy(() -> store.completeParts(key("source"), id, List.of(first, gap))).hasMessageContaining("not 1000+1000");
        assertThat(store.get(key("source"))).isEmpty();
    }

    @Test
    void aWriterStillRunningAfterCompletion_cannotChangeTheBlob() throws Exception {
        String id = store.startParts(key("source"));
        StoredPart only = putPart(id, 1, 0, 1000, 90);
        byte[] late = part(1000, 91).readAllBytes();
        try (PartWriter running = store.writePart(key("source"), id, 2, 0)) { // its files are open, and stay so
            running.write(late, 0, 10);
            only = putPart(id, 3, 0, 1000, 90);
            store.completeParts(key("source"), id, List.of(only));
            assertThatThrownBy(() -> running.write(late, 10, 990)).isInstanceOf(PartOvertakenException.class);
            assertThatThrownBy(running::finish).isInstanceOf(PartOvertakenException.class);
        }
        assertThatThrownBy(() -> putPart(id, 4, 0, 1000, 92)).as("overtaken by the completion").isInstanceOf(PartOvertakenException.class);
        assertThat(sha256(store.get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(part(1000, 90)));
    }

    @Test
    void aCompletionThatFailsToMoveTheBlobIntoPlace_canBeTriedAgain() throws Exception {
        Path blocking = tmp.resolve("blocking");
        Files.writeString(blocking, "a file where the blob's folder should be");
        String folder = key("sub");
        store.putFile(folder, blocking);
        String id = store.startParts(folder + "/source");
        StoredPart only = putPart(id, 1, 0, 1000, 97);
        assertThatThrownBy(() -> store.completeParts(folder + "/source", id, List.of(only))).isInstanceOf(IOException.class);

        store.deleteAll(folder);
        store.completeParts(folder + "/source", id, List.of(only));
        assertThat(sha256(store.get(folder + "/source").orElseThrow().open(0))).isEqualTo(sha256(part(1000, 97)));
    }

    @Test
    void aPartWriterOfAnAbortedUpload_isOvertaken() throws Exception {
        String id = store.startParts(key("source"));
        store.abortParts(key("source"), id);
        assertThatThrownBy(() -> store.writePart(key("source"), id, 1, 0)).isInstanceOf(PartOvertakenException.class);
    }

    @Test
    void aPartWriterOvertakenByALaterOne_writesNothingMore_andCannotFinish() throws Exception {
        String id = store.startParts(key("source"));
        byte[] stale = part(2000, 93).readAllBytes();
        try (PartWriter first = store.writePart(key("source"), id, 1, 0)) {
            first.write(stale, 0, 1000);
            StoredPart later;
            try (PartWriter second = store.writePart(key("source"), id, 2, 0)) {
                second.write(part(1500, 94).readAllBytes(), 0, 1500);
                assertThatThrownBy(() -> first.write(stale, 1000, 1000)).isInstanceOf(PartOvertakenException.class);
                later = second.finish();
            }
            assertThatThrownBy(first::finish).isInstanceOf(PartOvertakenException.class);
            store.completeParts(key("source"), id, List.of(later));
        }
        assertThat(sha256(store.get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(part(1500, 94)));
    }

    @Test
    void aPartWriterClosedBeforeItsEnd_storesNoPart() throws Exception {
        String id = store.startParts(key("source"));
        StoredPart first = putPart(id, 1, 0, 1000, 95);
        try (PartWriter broken = store.writePart(key("source"), id, 2, 1000)) {
            broken.write(part(500, 96).readAllBytes(), 0, 500);
        }
        assertThatThrownBy(() -> store.completeParts(key("source"), id, List.of(first, new StoredPart(2, "1000", 500))))
                .hasMessageContaining("Part 2");
        store.completeParts(key("source"), id, List.of(first));
        assertThat(sha256(store.get(key("source")).orElseThrow().open(0))).isEqualTo(sha256(part(1000, 95)));
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
