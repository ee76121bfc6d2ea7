package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.Playback;
import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The files of a private video are reachable only through the signed URL its owner is given; an unlisted video's
 * through the signed URL anyone with its link gets; a public video's plainly. A token opens one video only.
 */
class PrivatePlaybackIT extends ServerIT {
    private static final Pattern SIGNED = Pattern.compile("/media/([0-9a-f-]{36})/t/([^/]+)/hls/master\\.m3u8");

    private static Accounts.Account owner;
    private static JsonNode privateVideo;

    @BeforeEach
    void privateVideo() {
        if (privateVideo != null) return;
        owner = Accounts.signup(api, "private");
        privateVideo = ReadyVideos.upload(api, owner, "PRIVATE");
    }

    @Test
    void privateVideo_playsThroughItsSignedUrl_withNoHeaders_inAnyHlsClient() {
        String hls = privateVideo.get("hlsUrl").asString();
        assertThat(hls).matches(SIGNED);
        assertThat(privateVideo.get("thumbnailUrl").asString()).contains("/t/").endsWith("/poster.jpg");

        Playback.assertDecodesCompletely(api.url(hls), privateVideo.get("renditions").size());
        TestApi.Response playlist = api.get(hls, null);
        assertThat(playlist.header("Cache-Control")).contains("private").doesNotContain("public");
        assertThat(api.get(privateVideo.get("thumbnailUrl").asString(), null).status()).isEqualTo(200);
    }

    @Test
    void privateVideo_filesWithoutAToken_areNotFound() {
        String id = privateVideo.get("id").asString();
        for (String file : new String[] {"hls/master.m3u8", "hls/240p/index.m3u8", "hls/240p/seg_00000.ts", "poster.jpg"}) {
            assertThat(api.get("/media/" + id + "/" + file, null).status()).as(file).isEqualTo(404);
        }
        assertThat(api.get("/api/videos/" + id, null).status()).isEqualTo(404);
        assertThat(api.get("/api/videos/" + id, Accounts.signup(api, "stranger").accessToken()).status()).isEqualTo(404);
    }

    @Test
    void privateVideo_withAForgedOrTamperedToken_isForbidden() {
        Matcher m = SIGNED.matcher(privateVideo.get("hlsUrl").asString());
        assertThat(m.matches()).isTrue();
        String id = m.group(1), token = m.group(2);
        String expiry = token.substring(0, token.indexOf('.')), mac = token.substring(token.indexOf('.') + 1);

        String laterExpiry = (Long.parseLong(expiry) + 86_400) + "." + mac;
        String flippedMac = expiry + "." + (mac.charAt(0) == 'A' ? 'B' : 'A') + mac.substring(1);
        for (String forged : new String[] {laterExpiry, flippedMac, "0.AAAAAAAAAAAAAAAAAAAAAA", "garbage", expiry + "."}) {
            TestApi.Response r = api.get("/media/" + id + "/t/" + forged + "/hls/master.m3u8", null);
            assertThat(r.status()).as(forged).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.get("/media/" + id + "/t/" + token + "/hls/240p/seg_00000.ts", null).status())
                .as("control: the real token opens a segment").isEqualTo(200);
    }

    @Test
    void tokenForOneVideo_doesNotOpenAnother() {
        Matcher m = SIGNED.matcher(privateVideo.get("hlsUrl").asString());
        assertThat(m.matches()).isTrue();
        String otherPrivate = Accounts.draft(api, owner, "PRIVATE");
        String otherUnlisted = Accounts.draft(api, Accounts.signup(api, "someone"), "UNLISTED");
        for (String other : new String[] {otherPrivate, otherUnlisted}) {
            assertThat(api.get("/media/" + other + "/t/" + m.group(2) + "/hls/master.m3u8", null).status()).isEqualTo(403);
            assertThat(api.get("/media/" + other + "/t/" + m.group(2) + "/poster.jpg", null).status()).isEqualTo(403);
        }
    }

    @Test
    void unlistedVideo_anyoneWithTheLink_getsASignedUrlThatPlays_butNoPlainUrl() {
        String id = privateVideo.get("id").asString();
        assertThat(api.patch("/api/videos/" + id, owner.accessToken(), Map.of("visibility", "UNLISTED")).status()).isEqualTo(200);
        try {
            JsonNode seen = api.get("/api/videos/" + id, null).json();
            assertThat(seen.get("hlsUrl").asString()).matches(SIGNED);
            assertThat(api.get(seen.get("hlsUrl").asString(), null).status()).isEqualTo(200);
            assertThat(api.get("/media/" + id + "/hls/master.m3u8", null).status()).as("no token").isEqualTo(404);
        } finally {
            api.patch("/api/videos/" + id, owner.accessToken(), Map.of("visibility", "PRIVATE"));
        }
    }

    @Test
    void publicVideo_needsNoToken() {
        Accounts.Account author = Accounts.signup(api, "public");
        String id = Accounts.draft(api, author, "PUBLIC");
        java.nio.file.Path poster = DATA_DIR.resolve("blobs/videos/" + id + "/poster.jpg");
        try {
            java.nio.file.Files.createDirectories(poster.getParent());
            java.nio.file.Files.write(poster, Images.picture("jpeg", 16, 16));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(api.get("/media/" + id + "/poster.jpg", null).status()).isEqualTo(200);
    }
}
