package io.toktik.server.api;

import java.util.Optional;
import java.util.UUID;

/** Ids taken from URL paths: a malformed id names nothing, so it is "not found", never a 500. */
public final class PathIds {
    private PathIds() {}

    public static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @throws ApiException 404 naming {@code what} when the text is not an id */
    public static UUID require(String text, String what) {
        return parse(text).orElseThrow(() -> ApiException.notFound(what));
    }
}
