package io.toktik.server.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the playback HMAC key comes from. By default it is derived from the token signing key's private part, which
 * every api node of a cluster already shares, so signed URLs work on any node with nothing more to configure.
 * {@code TOKTIK_PLAYBACK_KEY_FILE} names a separate key file instead (256 random bits, base64; made when missing).
 */
final class PlaybackKey {
    private PlaybackKey() {}

    static byte[] derivedFrom(byte[] signingSecret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
            return hmac.doFinal("toktik playback key v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "playback", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) { // another node made it first: use theirs
            Files.deleteIfExists(tmp);
            if (!Files.exists(file)) throw e;
        }
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }
}
