package io.toktik.core.user;

import java.time.Instant;
import java.util.UUID;

/** A person with an account. The password hash never leaves the server. */
public record User(UUID id, String username, String email, String displayName, String bio, String passwordHash,
                   Instant createdAt) {}
