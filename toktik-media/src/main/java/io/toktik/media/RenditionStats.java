package io.toktik.media;

import io.toktik.media.MediaException.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Measures an encoded rendition (real bandwidth and codec string) for the master playlist. */
public final class RenditionStats {

    private final MediaProber prober;

    public RenditionStats(MediaProber prober) {
        this.prober = prober;
    }

    /** Reads {@code renditionDir/index.m3u8}, the sizes of its segments, and probes the first segment. */
    public RenditionMeasurement measure(Path renditionDir) throws MediaException {
        return measure(renditionDir, true);
    }

    /** As {@link #measure(Path)} for an audio-only rendition: AAC-LC, no frame rate. */
    public RenditionMeasurement measureAudio(Path renditionDir) throws MediaException {
        return measure(renditionDir, false);
    }

    private RenditionMeasurement measure(Path renditionDir, boolean video) throws MediaException {
        MediaPlaylist playlist;
        List<Long> sizes = new ArrayList<>();
        try {
            playlist = MediaPlaylist.parse(Files.readString(renditionDir.resolve(HlsEncoder.PLAYLIST)));
            for (MediaPlaylist.Segment segment : playlist.segments()) {
                sizes.add(Files.size(renditionDir.resolve(segment.uri())));
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't check the converted video.",
                    renditionDir + ": " + e, e);
        }
        if (playlist.segments().isEmpty()) {
            throw new MediaException(Code.TRANSCODE_FAILED, "We couldn't check the converted video.",
                    renditionDir + " has no segments");
        }
        VideoStream first = video ? prober.probe(renditionDir.resolve(playlist.segments().getFirst().uri())).video() : null;
        long totalBytes = sizes.stream().mapToLong(Long::longValue).sum();
        double seconds = playlist.segments().stream().mapToDouble(MediaPlaylist.Segment::seconds).sum();
        return new RenditionMeasurement(peakBandwidth(playlist.segments(), sizes),
                Math.round(totalBytes * 8 / Math.max(seconds, 0.001)), Math.round(seconds * 1000),
                playlist.segments().size(), totalBytes, video ? first.codecString() : MasterPlaylist.AAC_LC,
                video ? first.frameRate() : 0);
    }

    /** Max bits/s over segments; a segment under half the target duration is merged into its predecessor. */
    static long peakBandwidth(List<MediaPlaylist.Segment> segments, List<Long> sizes) {
        double peak = 0;
        double windowBits = 0;
        double windowSeconds = 0;
        for (int i = 0; i < segments.size(); i++) {
            double seconds = segments.get(i).seconds();
            double bits = sizes.get(i) * 8.0;
            boolean shortTail = i > 0 && seconds < HlsEncoder.SEGMENT_SECONDS / 2.0;
            if (shortTail) {
                windowBits += bits;
                windowSeconds += seconds;
            } else {
                windowBits = bits;
                windowSeconds = seconds;
            }
            if (windowSeconds > 0) {
                peak = Math.max(peak, windowBits / windowSeconds);
            }
        }
        return Math.round(peak);
    }
}
