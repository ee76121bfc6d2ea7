package io.toktik.server.delivery;

import io.toktik.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * A stored blob as a Spring {@code Resource}, so MVC can answer byte ranges with 206. The blob is opened at the
 * first read, after the skip with which Spring reaches a range's start: a remote store then reads from there.
 */
final class BlobResource extends AbstractResource {
    private final String key;
    private final BlobStore.Blob blob;

    BlobResource(String key, BlobStore.Blob blob) {
        this.key = key;
        this.blob = blob;
    }

    /** The blob as a response body: its local file when it has one (zero-copy), else streamed from the store. */
    static Resource body(String key, BlobStore.Blob blob) {
        return blob.localFile().<Resource>map(FileSystemResource::new).orElseGet(() -> new BlobResource(key, blob));
    }

    @Override
    public String getDescription() {
        return "blob " + key;
    }

    @Override
    public InputStream getInputStream() {
        return new OpenedOnFirstRead(blob);
    }

    @Override
    public long contentLength() {
        return blob.length();
    }

    @Override
    public boolean exists() {
        return true;
    }

    /** Skips before the first read move the offset the blob is opened at; later calls go to the opened stream. */
    private static final class OpenedOnFirstRead extends InputStream {
        private final BlobStore.Blob blob;
        private long offset;
        private InputStream in;

        OpenedOnFirstRead(BlobStore.Blob blob) {
            this.blob = blob;
        }

        @Override
        public long skip(long n) throws IOException {
            if (in != null) return in.skip(n);
            long skipped = Math.clamp(n, 0, blob.length() - offset);
            offset += skipped;
            return skipped;
        }

        @Override
        public int read() throws IOException {
            return opened().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return opened().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (in != null) in.close();
        }

        private InputStream opened() throws IOException {
            if (in == null) in = blob.open(offset);
            return in;
        }
    }
}
