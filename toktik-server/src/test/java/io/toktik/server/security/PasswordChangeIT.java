package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing the password ends every other session; the one that changed it goes on. */
class PasswordChangeIT extends ServerIT {

    @Test
    void changePassword_endsOtherSessions_keepsThisOne_andOnlyTheNewPasswordWorks() {
        Accounts.Account phone = Accounts.signup(api, "changer");
        Accounts.Account laptop = Accounts.of(login(phone.username(), Accounts.PASSWORD).json());

        TestApi.Response changed = api.post("/api/me/password", phone.accessToken(),
                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "a brand new secret"));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(refresh(laptop.refreshToken()).status()).as("the other session is over").isEqualTo(401);
        assertThat(refresh(phone.refreshToken()).status()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(login(phone.username(), Accounts.PASSWORD).status()).isEqualTo(401);
        assertThat(login(phone.username(), "a brand new secret").status()).isEqualTo(200);
    }

    @Test
    void changePassword_withAWrongCurrentPassword_is403_andChangesNothing() {
        Accounts.Account user = Accounts.signup(api, "wrongcurrent");
        TestApi.Response r = api.post("/api/me/password", user.accessToken(),
                Map.of("currentPassword", "not my password", "newPassword", "a brand new secret"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(login(user.username(), Accounts.PASSWORD).status()).isEqualTo(200);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void changePassword_toAShortOrTooLongOne_is400() {
        Accounts.Account user = Accounts.signup(api, "weaknew");
        TestApi.Response shortOne = api.post("/api/me/password", user.accessToken(),
                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "short"));
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.json().get("errors").has("newPassword")).isTrue();
        assertThat(api.post("/api/me/password", user.accessToken(),
                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "é".repeat(40))).status()).isEqualTo(400);
    }

    private TestApi.Response login(String username, String password) {
        return api.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    private TestApi.Response refresh(String token) {
        return api.post("/api/auth/refresh", null, Map.of("refreshToken", token));
    }
}
