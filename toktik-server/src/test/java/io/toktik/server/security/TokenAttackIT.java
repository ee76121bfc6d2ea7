package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forged, tampered, expired and replayed tokens are all refused with 401. */
class TokenAttackIT extends ServerIT {

    @Test
    void accessToken_withAlgNone_isRefused() {
        Accounts.Account victim = Accounts.signup(api, "none");
        String payload = part(victim.accessToken(), 1);
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
        assertThat(me(unsigned).status()).isEqualTo(401);
    }

    @Test
    void accessToken_withAChangedPayload_isRefused() {
        Accounts.Account attacker = Accounts.signup(api, "attacker");
        Accounts.Account victim = Accounts.signup(api, "victim");
        String payload = new String(Base64.getUrlDecoder().decode(part(attacker.accessToken(), 1)), StandardCharsets.UTF_8)
                .replace(attacker.id(), victim.id());
        String tampered = part(attacker.accessToken(), 0) + "." + b64(payload) + "." + part(attacker.accessToken(), 2);
        assertThat(me(tampered).status()).isEqualTo(401);
        assertThat(me(attacker.accessToken()).json().get("id").asString()).isEqualTo(attacker.id());
    }

    @Test
    void accessToken_signedByAnotherRsaKey_isRefused_evenWithTheServersKeyId() throws Exception {
        Accounts.Account victim = Accounts.signup(api, "otherkey");
        RSAKey real = serverKey();
        RSAKey other = new RSAKeyGenerator(2048).keyID(real.getKeyID()).generate();
        assertThat(me(sign(other, victim.id(), Instant.now().plusSeconds(600))).status()).isEqualTo(401);
    }

    @Test
    void accessToken_signedByTheServersKey_butExpired_isRefused() throws Exception {
        Accounts.Account user = Accounts.signup(api, "expired");
        RSAKey real = serverKey();
        assertThat(me(sign(real, user.id(), Instant.now().plusSeconds(600))).status()).as("control: a fresh one works").isEqualTo(200);
        assertThat(me(sign(real, user.id(), Instant.now().minusSeconds(3600))).status()).isEqualTo(401);
    }

    @Test
    void refreshToken_reused_isRefused_andRevokesItsWholeFamily() {
        Accounts.Account user = Accounts.signup(api, "replay");
        TestApi.Response rotated = refresh(user.refreshToken());
        assertThat(rotated.status()).isEqualTo(200);
        String next = rotated.json().get("refreshToken").asString();

        assertThat(refresh(user.refreshToken()).status()).as("replayed").isEqualTo(401);
        assertThat(refresh(next).status()).as("the family is revoked").isEqualTo(401);
    }

    @Test
    void refreshToken_revokedFamily_leavesTheUsersOtherLoginsWorking() {
        Accounts.Account user = Accounts.signup(api, "twologins");
        String otherLogin = api.post("/api/auth/login", null, Map.of("username", user.username(), "password", Accounts.PASSWORD))
                .json().get("refreshToken").asString();
        refresh(user.refreshToken());
        refresh(user.refreshToken()); // replay: revokes the first login's family only
        assertThat(refresh(otherLogin).status()).isEqualTo(200);
    }

    @Test
    void refreshToken_unknownOrMalformed_isA401() {
        assertThat(refresh("not-a-token").status()).isEqualTo(401);
        assertThat(refresh("' or 1=1 --").status()).isEqualTo(401);
    }

    private TestApi.Response me(String token) {
        return api.get("/api/me", token);
    }

    private TestApi.Response refresh(String token) {
        return api.post("/api/auth/refresh", null, Map.of("refreshToken", token));
    }

    private static RSAKey serverKey() throws Exception {
        return RSAKey.parse(Files.readString(DATA_DIR.resolve("keys").resolve("jwt-signing-key.json")));
    }

    private static String sign(RSAKey key, String subject, Instant expiry) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("toktik").subject(subject)
                .issueTime(Date.from(expiry.minusSeconds(900))).expirationTime(Date.from(expiry)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String part(String jwt, int i) {
        return jwt.split("\\.")[i];
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
