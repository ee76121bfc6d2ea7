package io.toktik.server.worker;

import io.toktik.core.social.Notifier;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.media.HlsEncoder;
import io.toktik.media.MasterPlaylist;
import io.toktik.media.Rendition;
import io.toktik.media.RenditionMeasurement;
import io.toktik.media.RenditionStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes encoded renditions: segments first, playlists last, then — holding the video's row lock, so
 * concurrent publishers serialise — marks them ready and rewrites the master playlist from the renditions
 * now ready. The first rendition makes the video READY. A growing rendition, whose files
 * {@link GrowingRendition} stores, is announced twice: playable from its first segment, then complete.
 */
final class RenditionPublisher {
    private static final Logger log = LoggerFactory.getLogger(RenditionPublisher.class);

    private final VideoRepository videos;
    private final BlobStore blobs;
    private final VideoEvents events;
    private final TransactionTemplate tx;
    private final RenditionStats stats;
    private final Notifier notifier;

    RenditionPublisher(VideoRepository videos, BlobStore blobs, VideoEvents events, TransactionTemplate tx, RenditionStats stats,
                       Notifier notifier) {
        this.videos = videos;
        this.blobs = blobs;
        this.events = events;
        this.tx = tx;
        this.stats = stats;
        this.notifier = notifier;
    }

    /** Stores a finished rendition's files and announces it complete. */
    void publish(UUID videoId, Rendition rendition, boolean hasAudio, Path dir) throws Exception {
        uploadSegments(videoId, rendition.name(), dir);
        put(videoId, rendition.name(), dir.resolve(HlsEncoder.PLAYLIST));
        announce(videoId, List.of(ready(rendition, hasAudio, stats.measure(dir), true)));
    }

    /**
     * Lists a rendition whose files (at least its first segment, and a playlist naming only stored segments) are
     * stored, measured from the local files in {@code dir}, with the audio-only rendition in {@code audioDir} (null
     * when the audio is in the rendition's own segments); {@code complete} when the stored playlists are closed.
     */
    void announce(UUID videoId, Rendition rendition, boolean hasAudio, Path dir, Path audioDir, boolean complete)
            throws Exception {
        List<RenditionInfo> ready = new ArrayList<>();
        if (audioDir != null) ready.add(audio(stats.measureAudio(audioDir), complete));
        ready.add(ready(rendition, hasAudio, stats.measure(dir), complete));
        announce(videoId, ready);
    }

    /** Marks renditions ready and rewrites the master playlist, in one transaction; then tells whoever listens. */
    void announce(UUID videoId, List<RenditionInfo> ready) throws IOException {
        Outcome outcome = tx.execute(s -> publishLocked(videoId, ready, blobWrites -> {}));
        announced(videoId, ready, outcome);
    }

    /**
     * Within the caller's transaction: locks the video, lets {@code beforePublish} store what must be stored
     * first (it is not called for a video deleted meanwhile), marks {@code ready} and rewrites the master playlist.
     */
    Outcome publishLocked(UUID videoId, List<RenditionInfo> ready, Consumer<Video> beforePublish) {
        if (!videos.lock(videoId)) return Outcome.GONE;
        Video before = videos.findById(videoId).orElseThrow();
        beforePublish.accept(before);
        if (ready.isEmpty()) return Outcome.NOTHING;
        ready.forEach(r -> videos.publishRendition(videoId, r));
        Video video = videos.findById(videoId).orElseThrow();
        writeMaster(videoId, video.readyRenditions());
        videos.raiseProgress(videoId, new ProgressModel(video.renditions()).percent(Set.of(), 0));
        return before.status() == VideoStatus.READY ? Outcome.ADDED : Outcome.FIRST;
    }

    /** After the transaction of {@link #publishLocked}: events, the owner's notification, or cleaning up. */
    void announced(UUID videoId, List<RenditionInfo> ready, Outcome outcome) throws IOException {
        if (outcome == Outcome.NOTHING) return;
        if (outcome == Outcome.GONE) {
            blobs.deleteAll(BlobKeys.videoPrefix(videoId)); // deleted while we worked: leave nothing behind
            return;
        }
        for (RenditionInfo r : ready) {
            log.info("Video {}: published {}{} (peak {} b/s){}", videoId, r.name(), r.complete() ? "" : " so far",
                    r.bandwidth(), outcome == Outcome.FIRST ? ", now playable" : "");
        }
        if (outcome == Outcome.FIRST) {
            events.ready(videoId, ready.getLast().name());
            notifier.videoReady(videoId);
        }
        videos.findById(videoId).ifPresent(v -> events.progress(videoId, v.progress()));
    }

    static RenditionInfo ready(Rendition rendition, boolean hasAudio, RenditionMeasurement m, boolean complete) {
        String codecs = new MasterPlaylist.Variant(rendition, m, hasAudio).codecs();
        return new RenditionInfo(rendition.name(), rendition.width(), rendition.height(),
                (int) m.peakBandwidth(), (int) m.averageBandwidth(), codecs, m.frameRate(), true, complete);
    }

    private static RenditionInfo audio(RenditionMeasurement m, boolean complete) {
        return new RenditionInfo(RenditionInfo.AUDIO, 0, 0, (int) m.peakBandwidth(), (int) m.averageBandwidth(),
                m.videoCodec(), null, true, complete);
    }

    /** Stores the segments in {@code dir}, not its playlist. */
    void uploadSegments(UUID videoId, String name, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".ts")).sorted().toList();
        }
        for (Path f : files) {
            put(videoId, name, f);
        }
    }

    private void put(UUID videoId, String name, Path file) throws IOException {
        blobs.putFile(BlobKeys.hls(videoId, name + "/" + file.getFileName()), file);
    }

    void writeText(String key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            blobs.write(key, new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeMaster(UUID videoId, List<RenditionInfo> ready) {
        MasterPlaylist.AudioRendition audio = ready.stream().filter(RenditionInfo::isAudio).findFirst()
                .map(a -> new MasterPlaylist.AudioRendition(a.bandwidth(), a.averageBandwidth())).orElse(null);
        List<MasterPlaylist.Variant> variants = ready.stream().filter(r -> !r.isAudio()).map(RenditionPublisher::variant).toList();
        if (variants.isEmpty()) return; // the audio rendition alone: nothing to play yet
        writeText(BlobKeys.hls(videoId, "master.m3u8"), MasterPlaylist.render(variants, audio));
    }

    /** Rebuilds a master-playlist entry from what was stored when the rendition was published. */
    private static MasterPlaylist.Variant variant(RenditionInfo r) {
        String[] codecs = r.codecs().split(",");
        Rendition rendition = new Rendition(r.name(), r.width(), r.height(), 0, 0, 0);
        RenditionMeasurement m = new RenditionMeasurement(r.bandwidth(), r.averageBandwidth(), 0, 0, 0, codecs[0],
                r.frameRate() == null ? 0 : r.frameRate());
        return new MasterPlaylist.Variant(rendition, m, codecs.length > 1);
    }

    enum Outcome { FIRST, ADDED, NOTHING, GONE }
}
