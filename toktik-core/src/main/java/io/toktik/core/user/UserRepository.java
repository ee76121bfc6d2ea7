package io.toktik.core.user;

import java.util.Optional;
import java.util.UUID;

/** Stores accounts; usernames are unique ignoring case. */
public interface UserRepository {

    /** @return false when the username is taken (ignoring case) */
    boolean insert(User user);

    Optional<User> findById(UUID id);

    Optional<User> findByUsername(String username);
}
