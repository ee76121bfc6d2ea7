package io.toktik.core.user;

import java.util.Optional;
import java.util.UUID;

/** Stores accounts; usernames are unique ignoring case. */
public interface UserRepository {

    /** @return false when the username is taken (ignoring case) */
    boolean insert(User user);

    Optional<User> findById(UUID id);

    Optional<User> findByUsername(String username);

    /** Sets the fields that are not null; @return false when there is no such user */
    boolean updateProfile(UUID id, String displayName, String bio);

    boolean updatePasswordHash(UUID id, String passwordHash);

    /** Points the user at a new avatar blob; @return false when there is no such user */
    boolean updateAvatarKey(UUID id, String avatarKey);
}
