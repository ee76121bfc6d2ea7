package io.toktik.media;

/**
 * One rung of the adaptive-bitrate ladder.
 *
 * @param name         folder and label, named by the short side, e.g. {@code 720p}
 * @param width        output width in display orientation (even)
 * @param height       output height in display orientation (even)
 * @param videoBitrate target video bits per second
 * @param maxBitrate   peak video bits per second (VBV maxrate)
 * @param audioBitrate audio bits per second; 0 when the source has no audio
 */
public record Rendition(String name, int width, int height, long videoBitrate, long maxBitrate, long audioBitrate) {

    public Rendition {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("rendition name must be letters, digits, '-' or '_': " + name);
        }
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("rendition size must be positive and even: " + width + "x" + height);
        }
    }

    /** Estimated peak bits per second of video plus audio, before the real segments are measured. */
    public long bandwidth() {
        return maxBitrate + audioBitrate;
    }

    public int shortSide() {
        return Math.min(width, height);
    }
}
