package io.toktik.server.realtime;

import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Verifies the access tokens clients present over WebSocket, with the same {@link JwtDecoder} as the HTTP API. */
final class AccessTokens {
    private final JwtDecoder decoder;

    AccessTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** @return the user the token was issued to (its {@code sub}) */
    UUID verify(String token) throws InvalidToken {
        String subject;
        try {
            subject = decoder.decode(token).getSubject();
        } catch (JwtValidationException e) {
            boolean expired = e.getErrors().stream().anyMatch(error -> String.valueOf(error.getDescription()).contains("expired"));
            throw new InvalidToken(expired ? "Access token expired: refresh it and connect again" : "Access token not valid");
        } catch (JwtException e) {
            throw new InvalidToken("Access token not valid");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidToken("Access token not valid");
        }
    }
}
