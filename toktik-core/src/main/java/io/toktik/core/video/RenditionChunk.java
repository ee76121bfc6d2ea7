package io.toktik.core.video;

/**
 * One encoded span of a rendition of a long source.
 *
 * @param segments this chunk's media-playlist lines ({@code #EXTINF} and URI), in order
 */
public record RenditionChunk(String rendition, int chunk, int chunks, String segments, long bytes, long durationMs,
                             int peakBandwidth, String codecs, double frameRate) {
}
