package io.toktik.server.auth;

import io.toktik.core.ratelimit.RateLimiter;
import io.toktik.server.config.TokTikProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits password guessing: so many failures per account, and per client address, within a window. A success
 * clears the account's count. When the limiter cannot be reached (Redis down) logins go on unthrottled, logged.
 */
public class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final RateLimiter limiter;
    private final TokTikProperties.RateLimit config;

    public LoginThrottle(RateLimiter limiter, TokTikProperties.RateLimit config) {
        this.limiter = limiter;
        this.config = config;
    }

    /** How long the caller must wait before trying again, when the account or the address has used its failures. */
    public Optional<Duration> blocked(String username, String address) {
        try {
            Duration wait = Duration.ZERO;
            RateLimiter.Window account = limiter.peek(accountKey(username));
            if (account.count() >= config.loginFailuresPerAccount()) wait = account.resetsIn();
            RateLimiter.Window ip = limiter.peek(addressKey(address));
            if (ip.count() >= config.loginFailuresPerAddress() && ip.resetsIn().compareTo(wait) > 0) wait = ip.resetsIn();
            return wait.isPositive() ? Optional.of(wait) : Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Login rate limits unavailable, not enforced: {}", e.toString());
            return Optional.empty();
        }
    }

    public void failed(String username, String address) {
        try {
            limiter.hit(accountKey(username), config.loginWindow());
            limiter.hit(addressKey(address), config.loginWindow());
        } catch (RuntimeException e) {
            log.warn("Login failure not counted: {}", e.toString());
        }
    }

    public void succeeded(String username) {
        try {
            limiter.reset(accountKey(username));
        } catch (RuntimeException e) {
            log.warn("Login failures not cleared: {}", e.toString());
        }
    }

    private static String accountKey(String username) {
        return "login:account:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "login:address:" + address;
    }
}
