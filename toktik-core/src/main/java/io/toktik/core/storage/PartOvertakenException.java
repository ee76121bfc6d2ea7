package io.toktik.core.storage;

import java.io.IOException;

/**
 * A part refused by a store that writes parts in place because a part numbered higher has begun: its writer was
 * overtaken by a later one, which may be writing the same bytes.
 */
public final class PartOvertakenException extends IOException {
    public PartOvertakenException(String message) {
        super(message);
    }
}
