package io.toktik.server.auth;

import io.toktik.core.user.RefreshTokenRepository;
import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign up, sign in, token refresh and sign out, and who am I. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class AuthController {
    private static final String BAD_CREDENTIALS = "Wrong username or password.";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Compared against when the user does not exist, so both cases take the same time. */
    private final String decoyHash;

    AuthController(UserRepository users, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    record SignupRequest(
            @NotBlank(message = "Choose a username.")
            @Pattern(regexp = "[A-Za-z0-9_.]{3,30}", message = "3 to 30 characters: letters a–z, digits, _ and . only.")
            String username,
            @NotBlank(message = "Choose a password.") @Size(min = 8, message = "At least 8 characters.")
            String password,
            @Email(message = "Not an email address.") @Size(max = 254) String email) {}

    record LoginRequest(@NotBlank(message = "Enter your username.") @Size(max = 100, message = "Not a username.") String username,
                        @NotBlank(message = "Enter your password.") String password) {}

    record RefreshRequest(@NotBlank(message = "The refresh token is missing.") String refreshToken) {}

    record Session(UserJson user, String accessToken, String refreshToken, long expiresIn) {
        static Session of(User user, TokenService.Tokens t) {
            return new Session(UserJson.self(user), t.accessToken(), t.refreshToken(), t.expiresIn());
        }
    }

    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    Session signup(@Valid @RequestBody SignupRequest req) {
        if (req.password().getBytes(StandardCharsets.UTF_8).length > 72) {
            throw ApiException.badRequest("The password is too long: at most 72 bytes.");
        }
        String email = req.email() == null || req.email().isBlank() ? null : req.email().trim();
        User user = new User(UUID.randomUUID(), req.username(), email, req.username(), "",
                passwords.encode(req.password()), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!users.insert(user)) throw ApiException.conflict("The username “" + req.username() + "” is taken.");
        return Session.of(user, tokens.issue(user));
    }

    @PostMapping("/api/auth/login")
    Session login(@Valid @RequestBody LoginRequest req, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        throttle.blocked(req.username(), address).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        User user = users.findByUsername(req.username()).orElse(null);
        boolean matches = req.password().getBytes(StandardCharsets.UTF_8).length <= 72
                && passwords.matches(req.password(), user != null ? user.passwordHash() : decoyHash);
        if (user == null || !matches) {
            throttle.failed(req.username(), address);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        throttle.succeeded(req.username());
        return Session.of(user, tokens.issue(user));
    }

    @PostMapping("/api/auth/refresh")
    Session refresh(@Valid @RequestBody RefreshRequest req) {
        RefreshTokenRepository.Use use = tokens.redeem(req.refreshToken())
                .orElseThrow(() -> ApiException.unauthorized("This refresh token is not valid any more: sign in again."));
        User user = users.findById(use.userId()).orElseThrow(() -> ApiException.unauthorized("The account is gone."));
        return Session.of(user, tokens.issue(user, use.familyId()));
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest req) {
        tokens.revoke(req.refreshToken());
    }

    @GetMapping("/api/me")
    UserJson me(@AuthenticationPrincipal Jwt jwt) {
        return users.findById(UUID.fromString(jwt.getSubject())).map(UserJson::self)
                .orElseThrow(() -> ApiException.unauthorized("The account is gone."));
    }
}
