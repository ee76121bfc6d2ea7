package io.toktik.core.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link UserRepository} on PostgreSQL. */
public final class JdbcUserRepository implements UserRepository {
    private static final String COLUMNS = "id, username, email, display_name, bio, password_hash, created_at, avatar_key";

    private final JdbcClient jdbc;

    public JdbcUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(User u) {
        return jdbc.sql("""
                insert into users (id, username, username_key, email, display_name, bio, password_hash, created_at, avatar_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (username_key) do nothing""")
                .params(u.id(), u.username(), key(u.username()), u.email(), u.displayName(), u.bio(), u.passwordHash(),
                        Timestamp.from(u.createdAt()), u.avatarKey())
                .update() == 1;
    }

    @Override
    public Optional<User> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id).query(this::row).optional();
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from users where username_key = ?").param(key(username))
                .query(this::row).optional();
    }

    @Override
    public boolean updateProfile(UUID id, String displayName, String bio) {
        return jdbc.sql("""
                update users set display_name = coalesce(?, display_name), bio = coalesce(?, bio) where id = ?""")
                .params(displayName, bio, id).update() == 1;
    }

    @Override
    public boolean updatePasswordHash(UUID id, String passwordHash) {
        return jdbc.sql("update users set password_hash = ? where id = ?").params(passwordHash, id).update() == 1;
    }

    @Override
    public boolean updateAvatarKey(UUID id, String avatarKey) {
        return jdbc.sql("update users set avatar_key = ? where id = ?").params(avatarKey, id).update() == 1;
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private User row(ResultSet rs, int n) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
                rs.getString("display_name"), rs.getString("bio"), rs.getString("password_hash"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("avatar_key"));
    }
}
