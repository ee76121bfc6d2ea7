package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthIT extends ServerIT {

    @Test
    void signup_returnsUserAndTokens_andMeWorksWithTheAccessToken() {
        TestApi.Response r = api.post("/api/auth/signup", null, Map.of("username", "Ana_1", "password", "long enough pw", "email", "ana@example.com"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("user").get("username").asString()).isEqualTo("Ana_1");
        assertThat(body.get("expiresIn").asLong()).isPositive();
        assertThat(body.get("refreshToken").asString()).isNotBlank();

        TestApi.Response me = api.get("/api/me", body.get("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(body.get("user").get("id").asString());
        assertThat(me.json().has("passwordHash")).isFalse();
    }

    @Test
    void signup_sameUsernameInOtherCase_isAConflict() {
        assertThat(api.post("/api/auth/signup", null, Map.of("username", "bob.b", "password", "long enough pw")).status()).isEqualTo(201);
        TestApi.Response again = api.post("/api/auth/signup", null, Map.of("username", "BOB.b", "password", "long enough pw"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void signup_invalidFields_areNamedInErrors() {
        TestApi.Response r = api.post("/api/auth/signup", null, Map.of("username", "a b", "password", "short"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").has("username")).isTrue();
        assertThat(r.json().get("errors").has("password")).isTrue();
    }

    @Test
    void signup_malformedJson_isA400() {
        assertThat(api.postRaw("/api/auth/signup", "application/json", "{\"username\":").status()).isEqualTo(400);
    }

    @Test
    void login_wrongPasswordAndUnknownUser_lookTheSame() {
        api.post("/api/auth/signup", null, Map.of("username", "carol", "password", "long enough pw"));
        TestApi.Response wrong = api.post("/api/auth/login", null, Map.of("username", "carol", "password", "nope nope nope"));
        TestApi.Response unknown = api.post("/api/auth/login", null, Map.of("username", "nobody_here", "password", "nope nope nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(api.post("/api/auth/login", null, Map.of("username", "CAROL", "password", "long enough pw")).status()).isEqualTo(200);
    }

    @Test
    void me_withoutOrWithABadToken_is401() {
        String token = api.newUser("dave");
        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"00000000-0000-0000-0000-000000000000\",\"iss\":\"toktik\",\"exp\":9999999999}".getBytes());
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + forgedPayload + ".";
        assertThat(api.get("/api/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/me", "garbage").status()).isEqualTo(401);
        assertThat(api.get("/api/me", parts[0] + "." + forgedPayload + "." + parts[2]).status()).isEqualTo(401);
        assertThat(api.get("/api/me", unsigned).status()).isEqualTo(401);
        assertThat(api.get("/api/me", null).header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void refresh_rotates_andReusingAnOldTokenRevokesTheFamily() {
        JsonNode session = api.post("/api/auth/signup", null, Map.of("username", "erin", "password", "long enough pw")).json();
        String first = session.get("refreshToken").asString();

        TestApi.Response rotated = api.post("/api/auth/refresh", null, Map.of("refreshToken", first));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);

        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", first)).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", second)).status())
                .as("the family is revoked once a used token comes back").isEqualTo(401);
    }

    @Test
    void logout_endsTheRefreshToken() {
        JsonNode session = api.post("/api/auth/signup", null, Map.of("username", "frank", "password", "long enough pw")).json();
        String refresh = session.get("refreshToken").asString();
        assertThat(api.post("/api/auth/logout", null, Map.of("refreshToken", refresh)).status()).isEqualTo(204);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", refresh)).status()).isEqualTo(401);
    }

    @Test
    void jwks_publishesThePublicKeyOnly() {
        JsonNode key = api.get("/.well-known/jwks.json", null).json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("kid")).isTrue();
        assertThat(key.has("d")).as("private exponent").isFalse();
    }
}
