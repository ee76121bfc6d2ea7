package io.toktik.server.delivery;

import io.toktik.core.storage.BlobStore;
import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Profile pictures in blob storage: each upload gets a new key {@code users/<id>/avatar-<n>.jpg} (so it can be
 * cached for ever), and the previous one is deleted once the user points at the new one.
 */
@Component
public class Avatars {
    private static final Logger log = LoggerFactory.getLogger(Avatars.class);
    private static final Pattern FILE = Pattern.compile("avatar-[0-9]{1,19}\\.jpg");

    private final BlobStore blobs;
    private final UserRepository users;
    private final Clock clock;

    Avatars(BlobStore blobs, UserRepository users, Clock clock) {
        this.blobs = blobs;
        this.users = users;
        this.clock = clock;
    }

    /** Stores the (already converted) JPEG as the user's avatar; @return the new blob key */
    public String replace(User user, byte[] jpeg) throws IOException {
        String key = key(user.id(), "avatar-" + clock.millis() + ".jpg");
        blobs.write(key, new ByteArrayInputStream(jpeg), jpeg.length);
        users.updateAvatarKey(user.id(), key);
        if (user.avatarKey() != null && !user.avatarKey().equals(key)) {
            try {
                blobs.deleteAll(user.avatarKey());
            } catch (IOException e) {
                log.warn("Could not delete the previous avatar {}: {}", user.avatarKey(), e.toString());
            }
        }
        return key;
    }

    static boolean isAvatarFile(String file) {
        return FILE.matcher(file).matches();
    }

    static String key(UUID userId, String file) {
        return "users/" + userId + "/" + file;
    }
}
