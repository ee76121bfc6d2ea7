package io.toktik.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs access tokens. Generated on first start and kept (owner-readable only) in a file,
 * so tokens survive restarts; a cluster mounts the same file into every api node.
 */
public final class SigningKey {
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    public static SigningKey loadOrCreate(Path file) throws IOException {
        try {
            if (Files.exists(file)) {
                return new SigningKey(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a new token signing key in {}", file);
            return new SigningKey(key);
        } catch (ParseException | JOSEException e) {
            throw new IOException("Cannot read the token signing key in " + file + ": " + e.getMessage(), e);
        }
    }

    public RSAKey rsaKey() {
        return key;
    }

    /** The public half, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }
}
