package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Editing one's own profile: display name, bio and picture. */
class ProfileIT extends ServerIT {

    @Test
    void patchMe_changesOnlyTheGivenFields_andKeepsUnicodeAsWritten() {
        Accounts.Account user = Accounts.signup(api, "profile");
        String name = "Zoë 🎬 李小龍";
        TestApi.Response r = api.patch("/api/me", user.accessToken(), Map.of("displayName", name));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("displayName").asString()).isEqualTo(name);

        String bio = "Films & <b>clips</b>\nLine two 👩‍👩‍👧";
        api.patch("/api/me", user.accessToken(), Map.of("bio", bio));
        JsonNode me = api.get("/api/me", user.accessToken()).json();
        assertThat(me.get("displayName").asString()).isEqualTo(name);
        assertThat(me.get("bio").asString()).isEqualTo(bio);
    }

    @Test
    void patchMe_countsCharactersNotBytes_andRefusesWhatDoesNotFit() {
        Accounts.Account user = Accounts.signup(api, "lengths");
        assertThat(api.patch("/api/me", user.accessToken(), Map.of("displayName", "😀".repeat(60))).status()).isEqualTo(200);
        assertThat(api.patch("/api/me", user.accessToken(), Map.of("bio", "é".repeat(500))).status()).isEqualTo(200);

        TestApi.Response longName = api.patch("/api/me", user.accessToken(), Map.of("displayName", "a".repeat(61)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().get("errors").has("displayName")).isTrue();
        assertThat(api.patch("/api/me", user.accessToken(), Map.of("displayName", "   ")).status()).isEqualTo(400);
        assertThat(api.patch("/api/me", user.accessToken(), Map.of("bio", "x".repeat(501))).status()).isEqualTo(400);
        assertThat(api.patch("/api/me", user.accessToken(), Map.of("displayName", "nul\u0000byte")).status()).isEqualTo(400);
        assertThat(api.get("/api/me", user.accessToken()).json().get("displayName").asString()).isEqualTo("😀".repeat(60));
    }

    @Test
    void patchMe_withNulls_keepsTheFields() {
        Accounts.Account user = Accounts.signup(api, "nulls");
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", null);
        body.put("bio", null);
        TestApi.Response r = api.patch("/api/me", user.accessToken(), body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("displayName").asString()).isEqualTo(user.username());
    }

    @Test
    void avatar_png_becomesA256SquareJpeg_servedWithLongCaching() {
        Accounts.Account user = Accounts.signup(api, "avatar");
        TestApi.Response r = api.putBytes("/api/me/avatar", user.accessToken(), Images.picture("png", 800, 400));
        assertThat(r.status()).isEqualTo(200);
        String url = r.json().get("avatarUrl").asString();
        assertThat(url).matches("/media/users/" + user.id() + "/avatar-[0-9]+\\.jpg");
        assertThat(api.get("/api/me", user.accessToken()).json().get("avatarUrl").asString()).isEqualTo(url);

        TestApi.Response served = api.get(url, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(served.header("Cache-Control")).contains("max-age=31536000", "immutable");
        BufferedImage image = Images.read(served.body());
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(new java.awt.Color(image.getRGB(10, 128)).getRed()).as("centre square: red on the left").isGreaterThan(200);
        assertThat(new java.awt.Color(image.getRGB(245, 128)).getBlue()).as("blue on the right").isGreaterThan(200);
    }

    @Test
    void avatar_replaced_getsANewUrl_andTheOldFileGoes() {
        Accounts.Account user = Accounts.signup(api, "replace");
        String first = api.putBytes("/api/me/avatar", user.accessToken(), Images.picture("jpeg", 300, 300)).json().get("avatarUrl").asString();
        String second = api.putBytes("/api/me/avatar", user.accessToken(), Images.picture("gif", 64, 64)).json().get("avatarUrl").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get(second, null).status()).isEqualTo(200);
        assertThat(api.get(first, null).status()).isEqualTo(404);
    }

    @Test
    void avatar_thatIsNotAPicture_is400_tooLarge_is413_webp_is415() {
        Accounts.Account user = Accounts.signup(api, "badavatar");
        TestApi.Response text = api.putBytes("/api/me/avatar", user.accessToken(), "hello, I am text".getBytes());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");

        byte[] truncated = java.util.Arrays.copyOf(Images.picture("png", 400, 400), 60);
        assertThat(api.putBytes("/api/me/avatar", user.accessToken(), truncated).status()).isEqualTo(400);
        assertThat(api.putBytes("/api/me/avatar", user.accessToken(), new byte[0]).status()).isEqualTo(400);

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xff;
        assertThat(api.putBytes("/api/me/avatar", user.accessToken(), huge).status()).isEqualTo(413);

        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(api.putBytes("/api/me/avatar", user.accessToken(), webp).status()).isEqualTo(415);
        assertThat(api.get("/api/me", user.accessToken()).json().get("avatarUrl").isNull()).isTrue();
    }

    @Test
    void avatarRoute_servesOnlyAvatarFiles() {
        Accounts.Account user = Accounts.signup(api, "route");
        assertThat(api.get("/media/users/" + user.id() + "/avatar-1.jpg", null).status()).isEqualTo(404);
        assertThat(api.get("/media/users/" + user.id() + "/..%2F..%2Fkeys%2Fjwt-signing-key.json", null).status()).isIn(400, 404);
        assertThat(api.get("/media/users/not-a-uuid/avatar-1.jpg", null).status()).isEqualTo(404);
    }
}
