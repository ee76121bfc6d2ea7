package io.toktik.server.api;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user behind a request, if any. */
public final class Caller {
    private Caller() {}

    public static Optional<UUID> of(Jwt jwt) {
        return jwt == null ? Optional.empty() : Optional.of(UUID.fromString(jwt.getSubject()));
    }

    public static UUID required(Jwt jwt) {
        return of(jwt).orElseThrow(() -> ApiException.unauthorized("Sign in first."));
    }
}
