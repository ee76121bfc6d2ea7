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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes an encoded rendition: segments first, its playlist last, then — holding the video's row
 * lock, so concurrent publishers serialise — marks it ready and rewrites the master playlist from the
 * renditions now ready. The first rendition makes the video READY. A growing rendition, whose files
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
        upload(videoId, rendition.name(), dir);
        announce(videoId, rendition, hasAudio, dir, true);
    }

    /**
     * Lists a rendition whose files (at least the first segment and a playlist naming only stored segments) are
     * stored in the master playlist, measured from the local files in {@code dir}; {@code complete} when its
     * stored playlist is closed.
     */
    void announce(UUID videoId, Rendition rendition, boolean hasAudio, Path dir, boolean complete) throws Exception {
        RenditionMeasurement m = stats.measure(dir);
        String codecs = new MasterPlaylist.Variant(rendition, m, hasAudio).codecs();
        RenditionInfo ready = new RenditionInfo(rendition.name(), rendition.width(), rendition.height(),
                (int) m.peakBandwidth(), (int) m.averageBandwidth(), codecs, m.frameRate(), true, complete);
        Outcome outcome = tx.execute(s -> {
            if (!videos.lock(videoId)) return Outcome.GONE;
            boolean wasReady = videos.findById(videoId).orElseThrow().status() == VideoStatus.READY;
            videos.publishRendition(videoId, ready);
            Video video = videos.findById(videoId).orElseThrow();
            writeMaster(videoId, video.readyRenditions());
            videos.raiseProgress(videoId, new ProgressModel(video.renditions()).percent(Set.of(), 0));
            return wasReady ? Outcome.ADDED : Outcome.FIRST;
        });
        if (outcome == Outcome.GONE) {
            blobs.deleteAll(BlobKeys.videoPrefix(videoId)); // deleted while we worked: leave nothing behind
            return;
        }
        log.info("Video {}: published {} ({} segments{}, peak {} b/s){}", videoId, rendition.name(), m.segmentCount(),
                complete ? "" : " so far", m.peakBandwidth(), outcome == Outcome.FIRST ? ", now playable" : "");
        if (outcome == Outcome.FIRST) {
            events.ready(videoId, rendition.name());
            notifier.videoReady(videoId);
        }
        videos.findById(videoId).ifPresent(v -> events.progress(videoId, v.progress()));
    }

    private void upload(UUID videoId, String name, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            if (!f.getFileName().toString().equals(HlsEncoder.PLAYLIST)) put(videoId, name, f);
        }
        put(videoId, name, dir.resolve(HlsEncoder.PLAYLIST));
    }

    private void put(UUID videoId, String name, Path file) throws IOException {
        blobs.putFile(BlobKeys.hls(videoId, name + "/" + file.getFileName()), file);
    }

    private void writeMaster(UUID videoId, List<RenditionInfo> ready) {
        List<MasterPlaylist.Variant> variants = ready.stream().map(RenditionPublisher::variant).toList();
        byte[] text = MasterPlaylist.render(variants).getBytes(StandardCharsets.UTF_8);
        try {
            blobs.write(BlobKeys.hls(videoId, "master.m3u8"), new ByteArrayInputStream(text), text.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds a master-playlist entry from what was stored when the rendition was published. */
    private static MasterPlaylist.Variant variant(RenditionInfo r) {
        String[] codecs = r.codecs().split(",");
        Rendition rendition = new Rendition(r.name(), r.width(), r.height(), 0, 0, 0);
        RenditionMeasurement m = new RenditionMeasurement(r.bandwidth(), r.averageBandwidth(), 0, 0, 0, codecs[0],
                r.frameRate() == null ? 0 : r.frameRate());
        return new MasterPlaylist.Variant(rendition, m, codecs.length > 1);
    }

    private enum Outcome { FIRST, ADDED, GONE }
}
