package io.toktik.server.auth;

import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing one's password. Every other session ends (their refresh tokens are revoked); the session that asked
 * keeps its refresh token. Access tokens already issued live out their short lifetime.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class PasswordController {
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;

    PasswordController(UserRepository users, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    record ChangeRequest(@NotBlank(message = "Enter your current password.") String currentPassword,
                         @NotBlank(message = "Choose a new password.") @Size(min = 8, message = "At least 8 characters.")
                         String newPassword) {}

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangeRequest req, HttpServletRequest http) {
        User user = users.findById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> ApiException.unauthorized("The account is gone."));
        throttle.blocked(user.username(), http.getRemoteAddr()).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        if (tooLong(req.currentPassword()) || !passwords.matches(req.currentPassword(), user.passwordHash())) {
            throttle.failed(user.username(), http.getRemoteAddr());
            throw ApiException.forbidden("The current password is wrong.");
        }
        if (tooLong(req.newPassword())) throw ApiException.badRequest("The new password is too long: at most 72 bytes.");
        users.updatePasswordHash(user.id(), passwords.encode(req.newPassword()));
        tokens.revokeOtherSessions(user.id(), TokenService.family(jwt).orElse(null));
    }

    /** BCrypt reads only the first 72 bytes: longer passwords are refused rather than silently cut. */
    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > 72;
    }
}
