package io.toktik.tests;

import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.FileSystemBlobStore;
import org.junit.jupiter.api.BeforeEach;

/** The embedded store meets the blob store contract. */
class FileSystemBlobStoreContractTest extends BlobStoreContract {
    private BlobStore store;

    @BeforeEach
    void createStore() throws Exception {
        store = new FileSystemBlobStore(tmp.resolve("blobs"));
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
