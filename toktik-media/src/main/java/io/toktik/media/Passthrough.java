package io.toktik.media;

/**
 * Whether a rendition can be the source's own video stream, packaged as it is ({@code -c:v copy}): H.264, 8-bit
 * 4:2:0, progressive SDR, constant frame rate up to 60, not rotated, exactly the rendition's size, at no more than
 * its target bitrate. Whether its keyframes come often enough is known only once it is packaged
 * ({@link HlsEncoder#copy}).
 */
public final class Passthrough {
    private static final int MAX_FRAME_RATE = 60;

    private Passthrough() {
    }

    public static boolean fits(MediaInfo info, Rendition rendition) {
        VideoStream v = info.video();
        return "h264".equals(v.codec()) && "yuv420p".equals(v.pixelFormat()) && v.bitDepth() == 8
                && !v.variableFrameRate() && !v.interlaced() && !v.hdr() && v.rotation() == 0
                && v.frameRate() > 0 && v.frameRate() <= MAX_FRAME_RATE
                && v.width() == rendition.width() && v.height() == rendition.height()
                && v.bitRate() > 0 && v.bitRate() <= rendition.videoBitrate();
    }
}
