package io.toktik.core.video;

/**
 * One rung of a video's ABR ladder; {@code bandwidth} and {@code codecs} are known once it is ready. A ready
 * rendition is playable (listed in the master playlist); it is complete once its playlist has every segment.
 */
public record RenditionInfo(
        String name, int width, int height, Integer bandwidth, Integer averageBandwidth, String codecs,
        Double frameRate, boolean ready, boolean complete) {

    /** A rendition published whole: ready and complete at once. */
    public RenditionInfo(String name, int width, int height, Integer bandwidth, Integer averageBandwidth, String codecs,
                         Double frameRate, boolean ready) {
        this(name, width, height, bandwidth, averageBandwidth, codecs, frameRate, ready, ready);
    }

    /** The name of the audio-only rendition (no picture: 0x0) that video-only renditions play with. */
    public static final String AUDIO = "audio";

    public static RenditionInfo planned(String name, int width, int height) {
        return new RenditionInfo(name, width, height, null, null, null, null, false, false);
    }

    public boolean isAudio() {
        return AUDIO.equals(name);
    }

    public long pixels() {
        return (long) width * height;
    }
}
