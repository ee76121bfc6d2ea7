package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.FileSystemBlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded store meets the blob store contract. */
class FileSystemBlobStoreContractTest extends BlobStoreContract {
    private BlobStore store;

    @BeforeEach
    void createStore() throws Exception {
        store = new FileSystemBlobStore(tmp.resolve("blobs"));
    }

    @Test
    void abortParts_leavesNoPartFileBehind() throws Exception {
        String id = store.startParts(key("source"));
        store.putPart(key("source"), id, 1, new GeneratedStream(1000, 9), 1000);
        store.abortParts(key("source"), id);
        try (Stream<Path> left = Files.list(tmp.resolve("blobs/.multipart"))) {
            assertThat(left).isEmpty();
        }
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
