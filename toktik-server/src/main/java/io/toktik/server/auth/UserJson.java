package io.toktik.server.auth;

import io.toktik.core.user.User;
import java.time.Instant;

/** A user as the API shows it; {@code email} only to the user themself. */
public record UserJson(String id, String username, String displayName, String bio, String avatarUrl, String email,
                       Instant createdAt) {

    public static UserJson self(User u) {
        return new UserJson(u.id().toString(), u.username(), u.displayName(), u.bio(), avatarUrl(u), u.email(), u.createdAt());
    }

    /** Where the user's profile picture is served ({@code /media/users/<id>/avatar-<n>.jpg}), or null when none. */
    public static String avatarUrl(User u) {
        return avatarUrl(u.avatarKey());
    }

    /** Where the profile picture stored under {@code avatarKey} is served, or null when there is none. */
    public static String avatarUrl(String avatarKey) {
        return avatarKey == null ? null : "/media/" + avatarKey;
    }
}
