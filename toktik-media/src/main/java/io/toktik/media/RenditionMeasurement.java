package io.toktik.media;

/**
 * Facts measured from an encoded rendition's playlist and segments.
 *
 * @param peakBandwidth    highest bits per second over any segment (a very short last segment is counted
 *                         together with the one before it), for {@code BANDWIDTH}
 * @param averageBandwidth total bits over total duration, for {@code AVERAGE-BANDWIDTH}
 * @param durationMs       sum of the segment durations
 * @param segmentCount     number of media segments
 * @param totalBytes       size of all segments
 * @param videoCodec       RFC 6381 string read from the first segment's SPS, e.g. {@code avc1.64001f}
 * @param frameRate        frames per second of the first segment
 */
public record RenditionMeasurement(long peakBandwidth, long averageBandwidth, long durationMs, int segmentCount,
                                   long totalBytes, String videoCodec, double frameRate) {
}
