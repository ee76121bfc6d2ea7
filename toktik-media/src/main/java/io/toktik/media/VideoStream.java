package io.toktik.media;

import java.util.Set;

/**
 * One video stream as probed.
 *
 * @param index             stream index in the container (ffmpeg's {@code 0:<index>})
 * @param codec             ffmpeg codec name, e.g. {@code h264}
 * @param width             coded width in pixels
 * @param height            coded height in pixels
 * @param rotation          clockwise degrees to turn the picture for display: 0, 90, 180 or 270
 * @param pixelFormat       ffmpeg pixel format name, e.g. {@code yuv420p}; {@code unknown} when not known
 * @param bitDepth          bits per luma sample; 0 when not known
 * @param frameRate         frames per second (average, else the container's base rate); 0 when not known
 * @param variableFrameRate true when the average and base frame rates differ notably
 * @param colorTransfer     ffmpeg transfer characteristic name, e.g. {@code bt709}, {@code smpte2084}
 * @param colorPrimaries    ffmpeg color primaries name, e.g. {@code bt709}, {@code bt2020}; {@code unknown} when untagged
 * @param colorSpace        ffmpeg matrix coefficients name, e.g. {@code bt709}, {@code bt2020nc}; {@code unknown} when untagged
 * @param fieldOrder        {@code progressive}, {@code tt}, {@code bb}, {@code tb}, {@code bt} or {@code unknown}
 * @param profile           codec profile number (H.264: 66, 77, 100, ...); -1 when not known
 * @param level             codec level number (H.264: 31 for 3.1); -1 when not known
 * @param bitRate           bits per second; 0 when not known
 * @param codecString       RFC 6381 codec string, e.g. {@code avc1.64001f} (H.264 only, else null)
 * @param durationMs        the stream's own duration (audio may last longer or shorter); 0 when not known
 */
public record VideoStream(int index, String codec, int width, int height, int rotation, String pixelFormat,
                          int bitDepth, double frameRate, boolean variableFrameRate, String colorTransfer,
                          String colorPrimaries, String colorSpace, String fieldOrder, int profile, int level,
                          long bitRate, String codecString, long durationMs) {

    private static final Set<String> HDR_TRANSFERS = Set.of("smpte2084", "arib-std-b67");
    private static final Set<String> INTERLACED_ORDERS = Set.of("tt", "bb", "tb", "bt");

    public VideoStream {
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
        }
    }

    /** Width as shown to the viewer (rotation applied). */
    public int displayWidth() {
        return quarterTurn() ? height : width;
    }

    /** Height as shown to the viewer (rotation applied). */
    public int displayHeight() {
        return quarterTurn() ? width : height;
    }

    /** True for PQ (HDR10) or HLG transfer, which needs tone mapping for SDR H.264. */
    public boolean hdr() {
        return HDR_TRANSFERS.contains(colorTransfer);
    }

    public boolean interlaced() {
        return INTERLACED_ORDERS.contains(fieldOrder);
    }

    /** True when the top field comes first ({@code tt}, {@code tb}); meaningful only when {@link #interlaced()}. */
    public boolean topFieldFirst() {
        return fieldOrder.startsWith("t");
    }

    private boolean quarterTurn() {
        return rotation == 90 || rotation == 270;
    }
}
