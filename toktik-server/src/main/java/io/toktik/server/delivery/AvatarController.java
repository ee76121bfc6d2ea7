package io.toktik.server.delivery;

import io.toktik.core.storage.BlobStore;
import io.toktik.server.config.ConditionalOnRole;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves profile pictures; each upload has a new name, so they are cached for a year. Avatars are public. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class AvatarController {
    private static final CacheControl FOR_EVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final BlobStore blobs;

    AvatarController(BlobStore blobs) {
        this.blobs = blobs;
    }

    @GetMapping("/media/users/{userId}/{file}")
    ResponseEntity<Resource> avatar(@PathVariable String userId, @PathVariable String file) throws IOException {
        Optional<UUID> id = MediaController.uuid(userId);
        if (id.isEmpty() || !Avatars.isAvatarFile(file)) return ResponseEntity.notFound().build();
        String key = Avatars.key(id.get(), file);
        Optional<BlobStore.Blob> blob = blobs.get(key);
        if (blob.isEmpty()) return ResponseEntity.notFound().build();
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(FOR_EVER)
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff")
                .body(BlobResource.body(key, blob.get()));
    }
}
