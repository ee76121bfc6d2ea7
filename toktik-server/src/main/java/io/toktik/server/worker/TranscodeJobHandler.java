package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.media.Demotion;
import io.toktik.media.EncodeOptions;
import io.toktik.media.HlsEncoder;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.Passthrough;
import io.toktik.media.Rendition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the renditions a job names (one ffmpeg run: the source is decoded once) into a scratch
 * directory, then publishes each one — except the rendition that makes the video playable, which is published
 * segment by segment while it is encoded. A re-run after a crash starts over and skips what was published.
 */
final class TranscodeJobHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(TranscodeJobHandler.class);

    private final VideoRepository videos;
    private final VideoEvents events;
    private final MediaWorkspace workspace;
    private final MediaProber prober;
    private final LadderPlanner planner;
    private final HlsEncoder encoder;
    private final HlsEncoder backgroundEncoder;
    private final RenditionPublisher publisher;
    private final BlobStore blobs;
    private final ChunkJoin chunkJoin;
    private final InputProblems problems;
    private final FirstSegments firstSegments;
    private final int timeoutFactor;
    private final GrowingEncode growing;

    TranscodeJobHandler(VideoRepository videos, VideoEvents events, MediaWorkspace workspace, MediaProber prober,
                        LadderPlanner planner, HlsEncoder encoder, HlsEncoder backgroundEncoder, RenditionPublisher publisher,
                        BlobStore blobs, ChunkJoin chunkJoin, InputProblems problems, FirstSegments firstSegments,
                        int timeoutFactor) {
        this.videos = videos;
        this.events = events;
        this.workspace = workspace;
        this.prober = prober;
        this.planner = planner;
        this.encoder = encoder;
        this.backgroundEncoder = backgroundEncoder;
        this.publisher = publisher;
        this.blobs = blobs;
        this.chunkJoin = chunkJoin;
        this.problems = problems;
        this.firstSegments = firstSegments;
        this.timeoutFactor = timeoutFactor;
        this.growing = new GrowingEncode(blobs, publisher);
    }

    @Override
    public String kind() {
        return VideoJobs.TRANSCODE;
    }

    @Override
    public void handle(Job job) throws Exception {
        Video video = videos.findById(job.videoId()).orElse(null);
        if (video == null || video.status() == VideoStatus.FAILED) return;
        TranscodePayload payload = TranscodePayload.parse(job.payload());
        Set<String> pending = Set.copyOf(video.renditions().stream()
                .filter(r -> payload.renditions().contains(r.name()) && !r.complete()).map(RenditionInfo::name).toList());
        if (pending.isEmpty()) return;
        boolean separateAudio = video.renditions().stream().anyMatch(RenditionInfo::isAudio);
        if (!pending.contains(lowest(video).name())) firstSegments.await(video.id());
        try (WorkArea area = workspace.open(job)) {
            Path source = workspace.source(video.id(), area);
            MediaInfo info = prober.probe(source);
            List<Rendition> renditions = planner.plan(info).stream().filter(r -> pending.contains(r.name())).toList();
            ProgressModel model = new ProgressModel(video.renditions());
            ProgressReporter reporter = new ProgressReporter(videos, events, video.id());
            Path out = area.resolve("hls");
            long started = System.nanoTime();
            // The job that makes the video playable goes first, published segment by segment as it is encoded;
            // the others take the CPU it leaves and are published whole, or chunk by chunk for a long source.
            if (pending.contains(lowest(video).name()) && renditions.size() == 1) {
                DoubleConsumer progress = fraction -> reporter.report(() -> model.percent(pending, fraction));
                encodeGrowing(video.id(), source, info, renditions.getFirst(), out, separateAudio, progress);
            } else if (payload.isChunk()) {
                backgroundEncoder.encode(source, info, renditions, out,
                        new EncodeOptions(EncodeOptions.PlaylistType.VOD, payload.span(), EncodeOptions.AudioLayout.NONE),
                        fraction -> {}, timeout(info));
                chunkJoin.land(video.id(), payload, renditions, out, info.hasAudio());
            } else {
                EncodeOptions options = new EncodeOptions(EncodeOptions.PlaylistType.VOD, EncodeOptions.Span.WHOLE,
                        separateAudio ? EncodeOptions.AudioLayout.NONE : EncodeOptions.AudioLayout.MUXED);
                List<Rendition> encoded = new ArrayList<>(renditions);
                for (Rendition r : renditions) {
                    Path copies = area.resolve("copy");
                    if (Passthrough.fits(info, r) && backgroundEncoder.copy(source, info, r, copies, options, timeout(info))) {
                        publisher.publish(video.id(), r, info.hasAudio(), copies.resolve(r.name()));
                        encoded.remove(r);
                        log.info("Video {}: {} is the source's own video, packaged without re-encoding", video.id(), r.name());
                    }
                }
                if (!encoded.isEmpty()) {
                    backgroundEncoder.encode(source, info, encoded, out, options,
                            fraction -> reporter.report(() -> model.percent(pending, fraction)), timeout(info));
                }
                for (Rendition r : encoded) {
                    publisher.publish(video.id(), r, info.hasAudio(), out.resolve(r.name()));
                }
            }
            log.info("Video {}: encoded and published {}{} in {} ms", video.id(), pending,
                    payload.isChunk() ? " chunk " + (payload.chunk() + 1) + "/" + payload.chunks() : "",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (MediaException e) {
            if (!InputProblems.isPermanent(e)) throw e;
            problems.fail(video.id(), e.code().name(), e.getMessage());
        }
    }

    /**
     * Publishes the rendition (and the audio rendition, when the video has one) while ffmpeg writes it: playable
     * once both have a segment stored, complete once ffmpeg has closed both playlists. Until the video is playable,
     * its other jobs in this worker wait ({@link FirstSegments}) and ffmpeg runs at normal priority; from then on it
     * is one more background encode.
     */
    private void encodeGrowing(UUID videoId, Path source, MediaInfo info, Rendition rendition, Path out,
                               boolean separateAudio, DoubleConsumer progress) throws Exception {
        EncodeOptions options = new EncodeOptions(EncodeOptions.PlaylistType.EVENT, EncodeOptions.Span.WHOLE,
                separateAudio && info.hasAudio() ? EncodeOptions.AudioLayout.SEPARATE : EncodeOptions.AudioLayout.MUXED);
        Demotion afterFirstSegment = new Demotion();
        try (FirstSegments.Pending first = firstSegments.begin(videoId)) {
            growing.run(videoId, info, rendition, out, separateAudio, () -> {
                        first.released();
                        afterFirstSegment.now();
                        return true;
                    },
                    () -> encoder.demotedBy(afterFirstSegment).encode(source, info, List.of(rendition), out, options, progress,
                            timeout(info)),
                    () -> true);
        }
    }

    private static RenditionInfo lowest(Video video) {
        return video.renditions().stream().filter(r -> !r.isAudio()).findFirst().orElseThrow();
    }

    private Duration timeout(MediaInfo info) {
        return Duration.ofMillis(Math.max(120_000L, info.durationMs() * timeoutFactor));
    }

    @Override
    public void onGiveUp(Job job, Exception lastError) {
        String message = lastError instanceof MediaException m ? m.getMessage()
                : "We couldn't convert this video. Try uploading it again.";
        problems.fail(job.videoId(), "PROCESSING_FAILED", message);
    }
}
