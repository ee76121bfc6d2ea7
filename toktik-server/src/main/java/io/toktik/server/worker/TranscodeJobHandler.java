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
import io.toktik.media.HlsEncoder;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.Rendition;
import java.nio.file.Path;
import java.time.Duration;
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
    private final InputProblems problems;
    private final int timeoutFactor;

    TranscodeJobHandler(VideoRepository videos, VideoEvents events, MediaWorkspace workspace, MediaProber prober,
                        LadderPlanner planner, HlsEncoder encoder, HlsEncoder backgroundEncoder, RenditionPublisher publisher,
                        BlobStore blobs, InputProblems problems, int timeoutFactor) {
        this.videos = videos;
        this.events = events;
        this.workspace = workspace;
        this.prober = prober;
        this.planner = planner;
        this.encoder = encoder;
        this.backgroundEncoder = backgroundEncoder;
        this.publisher = publisher;
        this.blobs = blobs;
        this.problems = problems;
        this.timeoutFactor = timeoutFactor;
    }

    @Override
    public String kind() {
        return VideoJobs.TRANSCODE;
    }

    @Override
    public void handle(Job job) throws Exception {
        Video video = videos.findById(job.videoId()).orElse(null);
        if (video == null || video.status() == VideoStatus.FAILED) return;
        Set<String> wanted = Set.of(job.payload().split(","));
        Set<String> pending = Set.copyOf(video.renditions().stream()
                .filter(r -> wanted.contains(r.name()) && !r.complete()).map(RenditionInfo::name).toList());
        if (pending.isEmpty()) return;
        try (WorkArea area = workspace.open(job)) {
            Path source = workspace.source(video.id(), area);
            MediaInfo info = prober.probe(source);
            List<Rendition> renditions = planner.plan(info).stream().filter(r -> pending.contains(r.name())).toList();
            ProgressModel model = new ProgressModel(video.renditions());
            ProgressReporter reporter = new ProgressReporter(videos, events, video.id());
            Path out = area.resolve("hls");
            long started = System.nanoTime();
            DoubleConsumer progress = fraction -> reporter.report(() -> model.percent(pending, fraction));
            // The job that makes the video playable goes first, published segment by segment as it is encoded;
            // the others take the CPU it leaves and are published whole.
            if (pending.contains(video.renditions().getFirst().name()) && renditions.size() == 1) {
                encodeGrowing(video.id(), source, info, renditions.getFirst(), out, progress);
            } else {
                backgroundEncoder.encode(source, info, renditions, out, progress, timeout(info));
                for (Rendition r : renditions) {
                    publisher.publish(video.id(), r, info.hasAudio(), out.resolve(r.name()));
                }
            }
            log.info("Video {}: encoded and published {} in {} ms", video.id(), pending,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (MediaException e) {
            if (!InputProblems.isPermanent(e)) throw e;
            problems.fail(video.id(), e.code().name(), e.getMessage());
        }
    }

    private void encodeGrowing(UUID videoId, Path source, MediaInfo info, Rendition rendition, Path out,
                               DoubleConsumer progress) throws Exception {
        Path dir = out.resolve(rendition.name());
        try (GrowingRendition growing = new GrowingRendition(blobs, videoId, rendition.name(), dir,
                () -> publisher.announce(videoId, rendition, info.hasAudio(), dir, false)).start()) {
            encoder.encode(source, info, List.of(rendition), out, HlsEncoder.PlaylistType.EVENT, progress, timeout(info));
            growing.finish();
        }
        publisher.announce(videoId, rendition, info.hasAudio(), dir, true);
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
