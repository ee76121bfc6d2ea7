package io.toktik.server.auth;

import io.toktik.core.user.User;
import java.time.Instant;

/** A user as the API shows it; {@code email} only to the user themself. */
public record UserJson(String id, String username, String displayName, String bio, String avatarUrl, String email,
                       Instant createdAt) {

    public static UserJson self(User u) {
        return new UserJson(u.id().toString(), u.username(), u.displayName(), u.bio(), null, u.email(), u.createdAt());
    }
}
