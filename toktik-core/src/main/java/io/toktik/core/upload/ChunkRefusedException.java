package io.toktik.core.upload;

import java.io.IOException;

/** A chunk that was not kept, and why. The upload is as it was before the chunk (or gone, when its video is). */
public final class ChunkRefusedException extends IOException {
    public enum Reason {
        /** The chunk's bytes do not match the checksum the client sent with them. */
        CHECKSUM_MISMATCH,
        /** More bytes arrived than the upload has left. */
        PAST_LENGTH,
        /** The client's offset is not the upload's (another request moved it, or the client lost track). */
        OFFSET_MISMATCH,
        /** The connection broke during a chunk with a checksum, which can then not be verified. */
        UNVERIFIABLE,
        /** The upload is complete but its video no longer waits for a file (it got one another way, or is deleted). */
        VIDEO_NOT_WAITING
    }

    private final Reason reason;

    public ChunkRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
