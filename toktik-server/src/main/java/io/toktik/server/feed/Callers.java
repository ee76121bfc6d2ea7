package io.toktik.server.feed;

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
        return of(jwt).orElseThrow(() -> ApiException.unauthorized("Sign in to see the videos of people you follow."));
    }

    /** @throws ApiException 400 unless 1 ≤ limit ≤ 100 */
    static int limit(int limit) {
        if (limit < 1 || limit > 100) throw ApiException.badRequest("limit must be between 1 and 100.");
        return limit;
    }
}
