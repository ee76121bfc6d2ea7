package io.toktik.s3;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Ends after {@code length} bytes, and fails rather than end early: a short part must not be sent as a whole one. */
final class ExactLengthInputStream extends FilterInputStream {
    private long remaining;
    private long remainingAtMark;

    ExactLengthInputStream(InputStream in, long length) {
        super(in);
        this.remaining = length;
        this.remainingAtMark = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) return -1;
        int b = super.read();
        if (b == -1) throw early();
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) return -1;
        int n = super.read(b, off, (int) Math.min(len, remaining));
        if (n == -1) throw early();
        remaining -= n;
        return n;
    }

    /** The SDK marks a body before sending it, and resets it to send it again on a retry. */
    @Override
    public synchronized void mark(int readLimit) {
        super.mark(readLimit);
        remainingAtMark = remaining;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        remaining = remainingAtMark;
    }

    private EOFException early() {
        return new EOFException("The part ended " + remaining + " bytes early.");
    }
}
