package io.toktik.core.video;

/** One rung of a video's ABR ladder; {@code bandwidth} and {@code codecs} are known once it is ready. */
public record RenditionInfo(
        String name, int width, int height, Integer bandwidth, Integer averageBandwidth, String codecs,
        Double frameRate, boolean ready) {

    public static RenditionInfo planned(String name, int width, int height) {
        return new RenditionInfo(name, width, height, null, null, null, null, false);
    }

    public long pixels() {
        return (long) width * height;
    }
}
