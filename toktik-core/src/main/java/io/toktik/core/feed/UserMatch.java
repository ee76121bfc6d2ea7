package io.toktik.core.feed;

import java.util.UUID;

/** A user found by search; {@code avatarKey} is the blob key of their profile picture, or null. */
public record UserMatch(UUID id, String username, String displayName, String avatarKey) {}
