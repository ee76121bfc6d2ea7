package io.toktik.server.delivery;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.TokTikProperties;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a video's playlists, segments and images from blob storage, with their content types,
 * byte ranges (206) and cache headers. Playlist URIs are relative, so any HLS client plays the master URL.
 * With {@code TOKTIK_DELIVERY=redirect}, segments and images are answered with a redirect to a presigned URL of
 * the store instead; playlists are still served here, so that their relative URIs keep pointing at this server.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class MediaController {
    /** How long a presigned URL stays valid: far longer than the fetch of one segment. */
    private static final Duration PRESIGNED_TTL = Duration.ofHours(6);
    /** The redirect itself is cached briefly; each new one is signed afresh. */
    private static final CacheControl REDIRECT_CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();

    private final BlobStore blobs;
    private final boolean redirect;

    MediaController(BlobStore blobs, TokTikProperties props) {
        this.blobs = blobs;
        this.redirect = props.storage().delivery() == TokTikProperties.Storage.Delivery.REDIRECT;
    }

    @GetMapping("/media/{videoId}/{*path}")
    ResponseEntity<Resource> serve(@PathVariable String videoId, @PathVariable String path) throws IOException {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        Optional<UUID> id = uuid(videoId);
        MediaTypes kind = MediaTypes.of(relative);
        if (id.isEmpty() || kind == null || !BlobKeys.isSafeRelativePath(relative) || relative.equals("source")) {
            return ResponseEntity.notFound().build();
        }
        String key = BlobKeys.videoPrefix(id.get()) + relative;
        boolean playlist = kind == MediaTypes.MASTER_PLAYLIST || kind == MediaTypes.PLAYLIST;
        Optional<URI> direct = redirect && !playlist ? blobs.presignedGet(key, PRESIGNED_TTL) : Optional.empty();
        if (direct.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(direct.get())
                    .cacheControl(REDIRECT_CACHE)
                    .header("Access-Control-Allow-Origin", "*")
                    .build();
        }
        Optional<BlobStore.Blob> blob = blobs.get(key);
        if (blob.isEmpty()) return ResponseEntity.notFound().build();
        Resource body = blob.get().localFile().<Resource>map(FileSystemResource::new)
                .orElseGet(() -> new BlobResource(key, blob.get()));
        return ResponseEntity.ok()
                .contentType(kind.type)
                .cacheControl(kind.cache)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("Access-Control-Allow-Origin", "*")
                .body(body);
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
