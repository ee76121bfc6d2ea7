package io.toktik.core.views;

import java.util.Optional;
import java.util.UUID;

/**
 * Who watched, for de-duplication: a signed-in user, else the anonymous id a client keeps (the web UI's
 * {@code X-Viewer-Id}), else the client's IP address.
 */
public record Viewer(String key, Optional<UUID> userId) {

    public static Viewer user(UUID id) {
        return new Viewer("u:" + id, Optional.of(id));
    }

    /** @param anonymousId an opaque id the client chose; only its first 64 characters matter */
    public static Viewer anonymous(String anonymousId) {
        String id = anonymousId.strip();
        return new Viewer("a:" + (id.length() > 64 ? id.substring(0, 64) : id), Optional.empty());
    }

    public static Viewer address(String ip) {
        return new Viewer("ip:" + ip, Optional.empty());
    }
}
