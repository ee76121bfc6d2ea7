package io.toktik.media;

/**
 * One audio stream as probed.
 *
 * @param index      stream index in the container (ffmpeg's {@code 0:<index>})
 * @param codec      ffmpeg codec name, e.g. {@code aac}
 * @param channels   channel count; 0 when not known
 * @param sampleRate samples per second; 0 when not known
 * @param bitRate    bits per second; 0 when not known
 */
public record AudioStream(int index, String codec, int channels, int sampleRate, long bitRate) {
}
