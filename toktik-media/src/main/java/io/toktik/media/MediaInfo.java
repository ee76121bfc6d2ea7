package io.toktik.media;

import java.util.List;
import java.util.Objects;

/**
 * What probing found in a file or URL.
 *
 * @param durationMs   duration in milliseconds; 0 when not known
 * @param formatName   ffmpeg demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code hls}
 * @param bitRate      overall bits per second; 0 when not known
 * @param video        the default (else first) video stream; never null
 * @param audio        the default (else first) audio stream; null when there is no audio
 * @param videoStreams every video stream, in container order (an HLS master playlist has one per variant)
 */
public record MediaInfo(long durationMs, String formatName, long bitRate, VideoStream video, AudioStream audio,
                        List<VideoStream> videoStreams) {

    public MediaInfo {
        Objects.requireNonNull(video, "video");
        videoStreams = List.copyOf(videoStreams);
    }

    /** A file with exactly one video stream. */
    public MediaInfo(long durationMs, String formatName, long bitRate, VideoStream video, AudioStream audio) {
        this(durationMs, formatName, bitRate, video, audio, List.of(video));
    }

    /** How long the picture lasts, which the output must match: the video stream's own duration, else the file's. */
    public long videoDurationMs() {
        return video.durationMs() > 0 ? video.durationMs() : durationMs;
    }

    public boolean hasAudio() {
        return audio != null;
    }
}
