package io.toktik.core.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A person with an account. The password hash never leaves the server. {@code avatarKey} is the blob key of the
 * profile picture ({@code users/<id>/avatar-<n>.jpg}), or null when there is none.
 */
public record User(UUID id, String username, String email, String displayName, String bio, String passwordHash,
                   Instant createdAt, String avatarKey) {

    /** A user without a profile picture (as at sign-up). */
    public User(UUID id, String username, String email, String displayName, String bio, String passwordHash,
                Instant createdAt) {
        this(id, username, email, displayName, bio, passwordHash, createdAt, null);
    }
}
