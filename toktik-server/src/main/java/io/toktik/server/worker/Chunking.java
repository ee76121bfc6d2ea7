package io.toktik.server.worker;

import io.toktik.media.HlsEncoder;
import io.toktik.media.MediaInfo;
import io.toktik.media.Passthrough;
import io.toktik.media.Rendition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits the renditions after the lowest into jobs: one for a short source; for a source longer than
 * {@code chunkSeconds}, one per span of about that length (rounded down to the 4 s segment grid), so that N workers
 * encode it about N times faster. A last span shorter than a second is folded into the one before. Renditions that
 * the source's own video can be ({@link Passthrough}) are not chunked but packaged whole, in a job of their own.
 */
record Chunking(int chunkSeconds) {

    Chunking {
        if (chunkSeconds < HlsEncoder.SEGMENT_SECONDS) {
            throw new IllegalArgumentException("chunks must be at least " + HlsEncoder.SEGMENT_SECONDS + " s: " + chunkSeconds);
        }
    }

    List<TranscodePayload> rest(MediaInfo info, List<Rendition> ladder) {
        if (ladder.size() < 2) return List.of();
        List<Rendition> rest = ladder.subList(1, ladder.size());
        if (info.videoDurationMs() <= chunkSeconds * 1000L) return List.of(TranscodePayload.whole(names(rest, r -> true)));
        // A rendition that can be the source's own video is packaged whole: copying is far cheaper than a chunk.
        List<String> copied = names(rest, r -> Passthrough.fits(info, r));
        List<String> names = names(rest, r -> !Passthrough.fits(info, r));
        List<TranscodePayload> jobs = new ArrayList<>();
        if (!copied.isEmpty()) jobs.add(TranscodePayload.whole(copied));
        if (names.isEmpty()) return jobs;
        int span = chunkSeconds - chunkSeconds % HlsEncoder.SEGMENT_SECONDS;
        long spanMs = span * 1000L;
        int count = (int) Math.max(1, (info.videoDurationMs() - 1000 + spanMs - 1) / spanMs);
        for (int i = 0; i < count; i++) {
            jobs.add(new TranscodePayload(names, i, count, span));
        }
        return jobs;
    }

    private static List<String> names(List<Rendition> renditions, Predicate<Rendition> which) {
        return renditions.stream().filter(which).map(Rendition::name).toList();
    }
}
