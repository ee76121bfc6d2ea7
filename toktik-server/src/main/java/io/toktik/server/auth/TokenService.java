package io.toktik.server.auth;

import io.toktik.core.user.RefreshTokenRepository;
import io.toktik.core.user.User;
import io.toktik.server.config.TokTikProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues short-lived access tokens (RS256 JWTs) and single-use, rotating refresh tokens. */
@Service
public class TokenService {
    static final String ISSUER = "toktik";
    /** The access-token claim naming the refresh-token family (the session) it was issued with. */
    public static final String FAMILY_CLAIM = "fam";

    private final JwtEncoder encoder;
    private final RefreshTokenRepository refreshTokens;
    private final TokTikProperties.Auth config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(JwtEncoder encoder, RefreshTokenRepository refreshTokens, TokTikProperties props, Clock clock) {
        this.encoder = encoder;
        this.refreshTokens = refreshTokens;
        this.config = props.auth();
        this.clock = clock;
    }

    /** A new login: a new refresh-token family. */
    public Tokens issue(User user) {
        return issue(user, UUID.randomUUID());
    }

    /**
     * Spends a refresh token: the user and token family it belongs to, or empty when it is unknown,
     * expired or already used — and a token used twice revokes its whole family (it was stolen or replayed).
     */
    public Optional<RefreshTokenRepository.Use> redeem(String refreshToken) {
        String hash = hash(refreshToken);
        Optional<RefreshTokenRepository.Use> use = refreshTokens.use(hash);
        if (use.isEmpty()) refreshTokens.revokeFamilyOf(hash);
        return use;
    }

    public void revoke(String refreshToken) {
        refreshTokens.revokeFamilyOf(hash(refreshToken));
    }

    /** Ends every session of the user but {@code keep} (null: every one): their refresh tokens stop working. */
    public void revokeOtherSessions(UUID userId, UUID keep) {
        refreshTokens.revokeAllOfUserExcept(userId, keep);
    }

    /** The session (refresh-token family) an access token was issued with, when it says. */
    public static Optional<UUID> family(Jwt jwt) {
        try {
            String fam = jwt.getClaimAsString(FAMILY_CLAIM);
            return fam == null ? Optional.empty() : Optional.of(UUID.fromString(fam));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The next pair of a login's family. */
    public Tokens issue(User user, UUID family) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id().toString())
                .claim("username", user.username())
                .claim(FAMILY_CLAIM, family.toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.insert(hash(refresh), family, user.id(), now.plus(config.refreshTokenTtl()));
        return new Tokens(access, refresh, config.accessTokenTtl().toSeconds());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token, its refresh token, and the access token's lifetime in seconds. */
    public record Tokens(String accessToken, String refreshToken, long expiresIn) {}
}
