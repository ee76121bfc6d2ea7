package io.toktik.core.storage;

import java.io.IOException;

/**
 * A part refused by a store that writes parts in place because a part numbered higher has begun (its writer was
 * overtaken by a later one, which may be writing the same bytes), or the upload was completed or aborted meanwhile; a
 * completion refused because a later part was written over a named one. Either way another request moved the upload
 * on: its client asks where it stands.
 */
public final class PartOvertakenException extends IOException {
    public PartOvertakenException(String message) {
        super(message);
    }
}
