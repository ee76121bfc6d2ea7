package io.toktik.server.delivery;

import io.toktik.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/** A stored blob as a Spring {@code Resource}, so MVC can answer byte ranges with 206. */
final class BlobResource extends AbstractResource {
    private final String key;
    private final BlobStore.Blob blob;

    BlobResource(String key, BlobStore.Blob blob) {
        this.key = key;
        this.blob = blob;
    }

    @Override
    public String getDescription() {
        return "blob " + key;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return blob.open(0);
    }

    @Override
    public long contentLength() {
        return blob.length();
    }

    @Override
    public boolean exists() {
        return true;
    }
}
