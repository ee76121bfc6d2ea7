package io.toktik.media;

import java.util.Objects;

/**
 * How {@link HlsEncoder} writes one run: the playlist type, which part of the source (a span on the 4 s segment
 * grid, so that spans encoded apart join into one continuous rendition), and where the audio goes.
 */
public record EncodeOptions(PlaylistType playlist, Span span, AudioLayout audio) {

    /** The whole source, audio in every rendition, playlists written at the end. */
    public static final EncodeOptions WHOLE = new EncodeOptions(PlaylistType.VOD, Span.WHOLE, AudioLayout.MUXED);

    public EncodeOptions {
        Objects.requireNonNull(playlist, "playlist");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(audio, "audio");
    }

    /** How ffmpeg writes a media playlist: once at the end, or after each segment. */
    public enum PlaylistType {
        /** Written when the run ends. */
        VOD("vod"),
        /** {@code #EXT-X-PLAYLIST-TYPE:EVENT}: rewritten after each segment, closed with ENDLIST at the end. */
        EVENT("event");

        final String ffmpegName;

        PlaylistType(String ffmpegName) {
            this.ffmpegName = ffmpegName;
        }
    }

    /** Where the source's audio goes. */
    public enum AudioLayout {
        /** Into every rendition's segments. */
        MUXED,
        /** Into an audio-only rendition of its own, {@code outDir/audio/}; the video renditions are video only. */
        SEPARATE,
        /** Nowhere: video-only renditions (another run makes the audio rendition). */
        NONE
    }

    /**
     * Part of the source: {@code lengthSeconds} from {@code startSeconds} (0 = to the end), both multiples of the
     * segment duration; its first segment is number {@code startSeconds / 4}, with timestamps continuing those of
     * the spans before it.
     */
    public record Span(int startSeconds, int lengthSeconds) {
        public static final Span WHOLE = new Span(0, 0);

        public Span {
            if (startSeconds < 0 || lengthSeconds < 0 || startSeconds % HlsEncoder.SEGMENT_SECONDS != 0
                    || lengthSeconds % HlsEncoder.SEGMENT_SECONDS != 0) {
                throw new IllegalArgumentException("a span must lie on the " + HlsEncoder.SEGMENT_SECONDS
                        + " s segment grid: " + startSeconds + "+" + lengthSeconds);
            }
        }

        int firstSegment() {
            return startSeconds / HlsEncoder.SEGMENT_SECONDS;
        }
    }
}
