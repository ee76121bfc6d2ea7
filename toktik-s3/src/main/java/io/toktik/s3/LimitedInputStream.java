package io.toktik.s3;

import io.toktik.core.storage.BlobTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through until more than {@code limit} have arrived, then throws {@link BlobTooLargeException}. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) counted(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) counted(n);
        return n;
    }

    private void counted(int n) throws BlobTooLargeException {
        count += n;
        if (count > limit) throw new BlobTooLargeException(limit);
    }
}
