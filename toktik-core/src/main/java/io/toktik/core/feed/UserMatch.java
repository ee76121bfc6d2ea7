package io.toktik.core.feed;

import java.util.UUID;

/** A user found by search. */
public record UserMatch(UUID id, String username, String displayName) {}
