package io.toktik.core.storage;

import java.io.IOException;

/** More bytes arrived than the configured limit allows. */
public final class BlobTooLargeException extends IOException {
    private final long limit;

    public BlobTooLargeException(long limit) {
        super("The file is larger than the limit of " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
