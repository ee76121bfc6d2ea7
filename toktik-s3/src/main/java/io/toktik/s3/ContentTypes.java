package io.toktik.s3;

import java.util.Locale;
import java.util.Map;

/** The Content-Type stored with a blob, from its key's extension, so that blobs fetched directly (presigned) carry it. */
final class ContentTypes {
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "m3u8", "application/vnd.apple.mpegurl",
            "ts", "video/mp2t",
            "m4s", "video/mp4",
            "mp4", "video/mp4",
            "jpg", "image/jpeg",
            "webp", "image/webp",
            "vtt", "text/vtt");

    private ContentTypes() {}

    static String of(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, OCTET_STREAM);
    }
}
