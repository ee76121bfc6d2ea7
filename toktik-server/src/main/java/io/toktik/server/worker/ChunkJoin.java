package io.toktik.server.worker;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.video.RenditionChunk;
import io.toktik.core.video.RenditionChunks;
import io.toktik.core.video.RenditionInfo;
import io.toktik.media.HlsEncoder;
import io.toktik.media.MediaPlaylist;
import io.toktik.media.Rendition;
import io.toktik.media.RenditionMeasurement;
import io.toktik.media.RenditionStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lands one chunk of some renditions of a long source: stores its segments (under their final names, listed by no
 * playlist yet), then records it holding the video's row lock; the transaction that records a rendition's last
 * chunk writes the rendition's playlist — every chunk's segments in order, closed — and publishes it complete.
 * So the join happens exactly once, whatever order chunks land in and however often a job is run again.
 */
final class ChunkJoin {
    private final RenditionPublisher publisher;
    private final RenditionChunks chunks;
    private final RenditionStats stats;
    private final TransactionTemplate tx;

    ChunkJoin(RenditionPublisher publisher, RenditionChunks chunks, RenditionStats stats, TransactionTemplate tx) {
        this.publisher = publisher;
        this.chunks = chunks;
        this.stats = stats;
        this.tx = tx;
    }

    /**
     * @param out      the encoder's output folder, one sub-folder per rendition
     * @param hasAudio whether the video has an audio rendition that these video-only renditions play with
     */
    void land(UUID videoId, TranscodePayload payload, List<Rendition> renditions, Path out, boolean hasAudio)
            throws Exception {
        List<RenditionChunk> landed = new ArrayList<>();
        for (Rendition r : renditions) {
            Path dir = out.resolve(r.name());
            RenditionMeasurement m = stats.measure(dir);
            publisher.uploadSegments(videoId, r.name(), dir);
            String lines = MediaPlaylist.parse(Files.readString(dir.resolve(HlsEncoder.PLAYLIST))).segments().stream()
                    .map(MediaPlaylist.Segment::lines).collect(Collectors.joining());
            landed.add(new RenditionChunk(r.name(), payload.chunk(), payload.chunks(), lines, m.totalBytes(),
                    m.durationMs(), (int) m.peakBandwidth(), m.videoCodec(), m.frameRate()));
        }
        List<RenditionInfo> joined = new ArrayList<>();
        RenditionPublisher.Outcome outcome = tx.execute(s -> publisher.publishLocked(videoId, joined, video -> {
            for (int i = 0; i < landed.size(); i++) {
                RenditionChunk chunk = landed.get(i);
                if (!chunks.record(videoId, chunk)) continue; // landed before: whoever recorded it did the rest
                List<RenditionChunk> all = chunks.of(videoId, chunk.rendition());
                if (all.size() == payload.chunks()) joined.add(join(videoId, renditions.get(i), all, hasAudio));
            }
        }));
        publisher.announced(videoId, joined, outcome);
    }

    private RenditionInfo join(UUID videoId, Rendition rendition, List<RenditionChunk> all, boolean hasAudio) {
        List<MediaPlaylist.Segment> segments = MediaPlaylist.parse(
                all.stream().map(RenditionChunk::segments).collect(Collectors.joining())).segments();
        publisher.writeText(BlobKeys.hls(videoId, rendition.name() + "/" + HlsEncoder.PLAYLIST), MediaPlaylist.vod(segments));
        long bytes = all.stream().mapToLong(RenditionChunk::bytes).sum();
        long durationMs = Math.max(1, all.stream().mapToLong(RenditionChunk::durationMs).sum());
        long peak = all.stream().mapToLong(RenditionChunk::peakBandwidth).max().orElseThrow();
        RenditionMeasurement m = new RenditionMeasurement(peak, bytes * 8000 / durationMs, durationMs, segments.size(),
                bytes, all.getFirst().codecs(), all.getFirst().frameRate());
        return RenditionPublisher.ready(rendition, hasAudio, m, true);
    }
}
