package io.toktik.server.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring playback tokens for unlisted and private videos: {@code <expiry>.<mac>}, where expiry is in
 * epoch seconds and mac is the first 128 bits of HMAC-SHA256 over the video id and the expiry. The token goes in
 * the media path ({@code /media/<id>/t/<token>/hls/master.m3u8}), so the relative URIs inside playlists carry it.
 * Expiries are rounded up to the hour: a video's URL stays the same for an hour, and caches can keep it.
 */
public final class PlaybackTokens {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final long ROUND_TO_SECONDS = 3600;

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    public PlaybackTokens(byte[] key, Duration ttl, Clock clock) {
        if (key.length < 32) throw new IllegalArgumentException("A playback key needs at least 256 bits.");
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A token for the video, valid for at least the configured lifetime and at most an hour more. */
    public String issue(UUID videoId) {
        long earliest = clock.instant().plus(ttl).getEpochSecond();
        long expiry = Math.ceilDiv(earliest, ROUND_TO_SECONDS) * ROUND_TO_SECONDS;
        return sign(videoId, Instant.ofEpochSecond(expiry));
    }

    /** A token for the video that expires at {@code expiry}. */
    public String sign(UUID videoId, Instant expiry) {
        long seconds = expiry.getEpochSecond();
        return seconds + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(videoId, seconds));
    }

    /** True when the token was made by this key for this video and has not expired. */
    public boolean valid(UUID videoId, String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19 || token.length() > 60) return false;
        long expiry;
        byte[] given;
        try {
            expiry = Long.parseLong(token, 0, dot, 10);
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(videoId, expiry)) && clock.instant().getEpochSecond() < expiry;
    }

    private byte[] mac(UUID videoId, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] full = mac.doFinal(("toktik-playback:" + videoId + ":" + expiry).getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(full, MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
