package io.toktik.server.delivery;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.server.config.ConditionalOnRole;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a video's playlists, segments and images from blob storage, with their content types,
 * byte ranges (206) and cache headers. Playlist URIs are relative, so any HLS client plays the master URL.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class MediaController {
    private final BlobStore blobs;

    MediaController(BlobStore blobs) {
        this.blobs = blobs;
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
