package io.toktik.core.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/** The key layout of a video's files, and validation of keys that come from URLs. */
public final class BlobKeys {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)?(/[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)?)*");

    private BlobKeys() {}

    public static String videoPrefix(UUID videoId) {
        return "videos/" + videoId + "/";
    }

    public static String source(UUID videoId) {
        return videoPrefix(videoId) + "source";
    }

    public static String hls(UUID videoId, String relativePath) {
        return videoPrefix(videoId) + "hls/" + relativePath;
    }

    public static String poster(UUID videoId) {
        return videoPrefix(videoId) + "poster.jpg";
    }

    /** The storyboard's sprite, relative to the video's prefix (and to its media URL). */
    public static final String STORYBOARD_IMAGE = "storyboard/sprite.jpg";
    /** The storyboard's WebVTT index, beside the sprite: its cues name the sprite relatively ({@code sprite.jpg#xywh=}). */
    public static final String STORYBOARD_VTT = "storyboard/storyboard.vtt";

    /** Where a resumable upload stages what it keeps outside the store's multipart upload. */
    public static String uploadPrefix(UUID uploadId) {
        return "uploads/" + uploadId + "/";
    }

    /** True for a relative path of plain names (no {@code ..}, no leading slash, no odd characters). */
    public static boolean isSafeRelativePath(String path) {
        return path != null && path.length() <= 200 && SAFE_PATH.matcher(path).matches();
    }
}
