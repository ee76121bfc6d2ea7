package io.toktik.core.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refresh tokens, stored only as hashes. Each use rotates the token; presenting a used one again means it
 * leaked, so the whole family (that login's chain) is revoked.
 */
public final class RefreshTokenRepository {
    private final JdbcClient jdbc;

    public RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UUID familyId, UUID userId, Instant expiresAt) {
        jdbc.sql("insert into refresh_tokens (token_hash, family_id, user_id, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, familyId, userId, Timestamp.from(expiresAt)).update();
    }

    /** The token's owner and family when it was valid and unused; marks it used atomically. */
    public Optional<Use> use(String tokenHash) {
        return jdbc.sql("""
                update refresh_tokens set used_at = now()
                where token_hash = ? and used_at is null and not revoked and expires_at > now()
                returning user_id, family_id""")
                .param(tokenHash)
                .query((rs, n) -> new Use(rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class)))
                .optional();
    }

    /** Revokes the family of a token that was presented again after use (or on logout). */
    public void revokeFamilyOf(String tokenHash) {
        jdbc.sql("""
                update refresh_tokens set revoked = true
                where family_id = (select family_id from refresh_tokens where token_hash = ?)""")
                .param(tokenHash).update();
    }

    /**
     * Revokes every refresh token of a user except those of {@code keepFamily} (the session that asked; null keeps
     * none): after a password change, every other session must sign in again.
     */
    public void revokeAllOfUserExcept(UUID userId, UUID keepFamily) {
        jdbc.sql("update refresh_tokens set revoked = true where user_id = ? and not revoked and family_id is distinct from cast(? as uuid)")
                .params(userId, keepFamily).update();
    }

    public record Use(UUID userId, UUID familyId) {}
}
