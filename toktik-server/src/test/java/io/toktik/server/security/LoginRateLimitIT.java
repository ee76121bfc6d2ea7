package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password guessing is slowed down: five failures per account, then 429 with Retry-After. */
class LoginRateLimitIT extends ServerIT {

    @Test
    void sixthFailedLogin_isRefusedWith429AndRetryAfter_evenWithTheRightPassword() {
        Accounts.Account ana = Accounts.signup(api, "limited");
        for (int i = 0; i < 5; i++) assertThat(login(ana.username(), "wrong password " + i).status()).isEqualTo(401);

        TestApi.Response sixth = login(ana.username(), "wrong password 6");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(sixth.json().get("detail").asString()).contains("Try again in");

        assertThat(login(ana.username(), Accounts.PASSWORD).status()).as("the right password is refused too, until the window ends")
                .isEqualTo(429);
        assertThat(login(ana.username().toUpperCase(), Accounts.PASSWORD).status()).as("usernames ignore case").isEqualTo(429);
        Accounts.Account other = Accounts.signup(api, "unlimited");
        assertThat(login(other.username(), Accounts.PASSWORD).status()).as("other accounts are not touched").isEqualTo(200);
    }

    @Test
    void successfulLogin_resetsTheAccountsFailures() {
        Accounts.Account ben = Accounts.signup(api, "resets");
        for (int i = 0; i < 3; i++) login(ben.username(), "wrong password");
        assertThat(login(ben.username(), Accounts.PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) assertThat(login(ben.username(), "wrong password").status()).isEqualTo(401);
        assertThat(login(ben.username(), Accounts.PASSWORD).status()).as("six failures, but not five since the last success")
                .isEqualTo(200);
    }

    private TestApi.Response login(String username, String password) {
        return api.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }
}
