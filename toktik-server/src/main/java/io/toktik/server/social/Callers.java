package io.toktik.server.social;

import io.toktik.server.api.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user behind a request, if any. */
final class Callers {
    private Callers() {}

    static Optional<UUID> of(Jwt jwt) {
        return jwt == null ? Optional.empty() : Optional.of(UUID.fromString(jwt.getSubject()));
    }

    static UUID required(Jwt jwt) {
        return of(jwt).orElseThrow(() -> ApiException.unauthorized("Sign in first."));
    }

    /** An id from a path; a malformed one names nothing, so it is "not found". */
    static UUID id(String text, String what) {
        return parse(text).orElseThrow(() -> ApiException.notFound(what));
    }

    static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
