package io.toktik.server.delivery;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;

/** Content type and caching of each kind of media file. */
enum MediaTypes {
    /** The master playlist gains renditions while they finish: cache it briefly. */
    MASTER_PLAYLIST("application/vnd.apple.mpegurl", CacheControl.maxAge(Duration.ofSeconds(2)).cachePublic()),
    /** A rendition playlist is published only once complete. */
    PLAYLIST("application/vnd.apple.mpegurl", CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()),
    /** Segment names never change and are never rewritten. */
    TS_SEGMENT("video/mp2t", CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()),
    MP4_SEGMENT("video/mp4", CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()),
    JPEG("image/jpeg", CacheControl.maxAge(Duration.ofHours(1)).cachePublic()),
    WEBP("image/webp", CacheControl.maxAge(Duration.ofHours(1)).cachePublic()),
    VTT("text/vtt", CacheControl.maxAge(Duration.ofHours(1)).cachePublic());

    final MediaType type;
    final CacheControl cache;

    MediaTypes(String type, CacheControl cache) {
        this.type = MediaType.parseMediaType(type);
        this.cache = cache;
    }

    static MediaTypes of(String path) {
        if (path.endsWith("master.m3u8")) return MASTER_PLAYLIST;
        if (path.endsWith(".m3u8")) return PLAYLIST;
        if (path.endsWith(".ts")) return TS_SEGMENT;
        if (path.endsWith(".m4s") || path.endsWith(".mp4")) return MP4_SEGMENT;
        if (path.endsWith(".jpg")) return JPEG;
        if (path.endsWith(".webp")) return WEBP;
        if (path.endsWith(".vtt")) return VTT;
        return null;
    }
}
