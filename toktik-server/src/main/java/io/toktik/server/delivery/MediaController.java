package io.toktik.server.delivery;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.Visibility;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.TokTikProperties;
import io.toktik.media.MediaPlaylist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
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
 * the store instead (after the token check); playlists are still served here, so that their relative URIs keep
 * pointing at this server.
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
    private final VideoVisibilities visibilities;
    private final PlaybackTokens tokens;

    MediaController(BlobStore blobs, TokTikProperties props, VideoVisibilities visibilities, PlaybackTokens tokens) {
        this.blobs = blobs;
        this.redirect = props.storage().delivery() == TokTikProperties.Storage.Delivery.REDIRECT;
        this.visibilities = visibilities;
        this.tokens = tokens;
    }

    /**
     * A public video's files are served to anyone; an unlisted or private one's only under {@code t/<token>/}
     * with a valid token for that video: none → 404 (as if absent), a wrong or expired one → 403.
     */
    @GetMapping("/media/{videoId}/{*path}")
    ResponseEntity<Resource> serve(@PathVariable String videoId, @PathVariable String path) throws IOException {
        MediaPath media = MediaPath.parse(path);
        Optional<UUID> id = uuid(videoId);
        MediaTypes kind = media == null ? null : MediaTypes.of(media.file());
        if (id.isEmpty() || kind == null || !BlobKeys.isSafeRelativePath(media.file()) || media.file().equals("source")) {
            return ResponseEntity.notFound().build();
        }
        Optional<Visibility> visibility = visibilities.of(id.get());
        if (visibility.isEmpty()) return ResponseEntity.notFound().build();
        boolean open = visibility.get() == Visibility.PUBLIC;
        if (!open && media.token() == null) return ResponseEntity.notFound().build();
        if (!open && !tokens.valid(id.get(), media.token())) {
            throw ApiException.forbidden("This playback link is not valid for this video, or has expired: load the video again.");
        }
        return respond(BlobKeys.videoPrefix(id.get()) + media.file(), kind, visibility.get() == Visibility.PRIVATE);
    }

    private ResponseEntity<Resource> respond(String key, MediaTypes kind, boolean isPrivate) throws IOException {
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
        Resource body = BlobResource.body(key, blob.get());
        if (kind == MediaTypes.PLAYLIST) {
            byte[] text = body.getContentAsByteArray(); // a few KB; read once, it says whether it still grows
            if (!MediaPlaylist.parse(new String(text, StandardCharsets.UTF_8)).ended()) kind = MediaTypes.GROWING_PLAYLIST;
            body = new ByteArrayResource(text);
        }
        return ResponseEntity.ok()
                .contentType(kind.type)
                .cacheControl(isPrivate ? kind.privateCache : kind.cache)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("Access-Control-Allow-Origin", "*")
                .body(body);
    }

    /** The file asked for, relative to the video, and the playback token when the path carries one. */
    private record MediaPath(String token, String file) {
        static MediaPath parse(String path) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            if (!relative.startsWith("t/")) return new MediaPath(null, relative);
            int slash = relative.indexOf('/', 2);
            return slash < 0 ? null : new MediaPath(relative.substring(2, slash), relative.substring(slash + 1));
        }
    }

    static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
