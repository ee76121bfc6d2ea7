package io.toktik.server.delivery;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;

/** Content type and caching of each kind of media file. */
enum MediaTypes {
    /** The master playlist gains renditions while they finish: cache it briefly. */
    MASTER_PLAYLIST("application/vnd.apple.mpegurl", Duration.ofSeconds(2), false),
    /** A complete rendition playlist (closed with {@code #EXT-X-ENDLIST}) does not change any more. */
    PLAYLIST("application/vnd.apple.mpegurl", Duration.ofMinutes(5), false),
    /** A rendition playlist still growing segment by segment: a player reloads it every few seconds. */
    GROWING_PLAYLIST("application/vnd.apple.mpegurl", Duration.ofSeconds(1), false),
    /** Segment names never change and are never rewritten. */
    TS_SEGMENT("video/mp2t", Duration.ofDays(365), true),
    MP4_SEGMENT("video/mp4", Duration.ofDays(365), true),
    JPEG("image/jpeg", Duration.ofHours(1), false),
    WEBP("image/webp", Duration.ofHours(1), false),
    VTT("text/vtt", Duration.ofHours(1), false);

    final MediaType type;
    /** For public videos: any cache may keep it. */
    final CacheControl cache;
    /** For private videos: only the viewer's own cache. */
    final CacheControl privateCache;

    MediaTypes(String type, Duration maxAge, boolean immutable) {
        this.type = MediaType.parseMediaType(type);
        CacheControl shared = CacheControl.maxAge(maxAge).cachePublic();
        CacheControl own = CacheControl.maxAge(maxAge).cachePrivate();
        this.cache = immutable ? shared.immutable() : shared;
        this.privateCache = immutable ? own.immutable() : own;
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
