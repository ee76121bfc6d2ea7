package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the renditions a job names (one ffmpeg run: the source is decoded once) into a scratch
 * directory, then publishes each one. A re-run after a crash starts over and skips what was published.
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
    private final InputProblems problems;
    private final int timeoutFactor;

    TranscodeJobHandler(VideoRepository videos, VideoEvents events, MediaWorkspace workspace, MediaProber prober,
                        LadderPlanner planner, HlsEncoder encoder, HlsEncoder backgroundEncoder, RenditionPublisher publisher,
                        InputProblems problems, int timeoutFactor) {
        this.videos = videos;
        this.events = events;
        this.workspace = workspace;
        this.prober = prober;
        this.planner = planner;
        this.encoder = encoder;
        this.backgroundEncoder = backgroundEncoder;
        this.publisher = publisher;
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
                .filter(r -> wanted.contains(r.name()) && !r.ready()).map(RenditionInfo::name).toList());
        if (pending.isEmpty()) return;
        try (WorkArea area = workspace.open(job)) {
            Path source = workspace.source(video.id(), area);
            MediaInfo info = prober.probe(source);
            List<Rendition> renditions = planner.plan(info).stream().filter(r -> pending.contains(r.name())).toList();
            ProgressModel model = new ProgressModel(video.renditions());
            ProgressReporter reporter = new ProgressReporter(videos, events, video.id());
            Path out = area.resolve("hls");
            long started = System.nanoTime();
            // The job that makes the video playable goes first; the others take the CPU it leaves.
            boolean makesPlayable = pending.contains(video.renditions().getFirst().name());
            (makesPlayable ? encoder : backgroundEncoder).encode(source, info, renditions, out,
                    fraction -> reporter.report(() -> model.percent(pending, fraction)), timeout(info));
            log.info("Video {}: encoded {} in {} ms", video.id(), pending, (System.nanoTime() - started) / 1_000_000);
            for (Rendition r : renditions) {
                publisher.publish(video.id(), r, info.hasAudio(), out.resolve(r.name()));
            }
        } catch (MediaException e) {
            if (!InputProblems.isPermanent(e)) throw e;
            problems.fail(video.id(), e.code().name(), e.getMessage());
        }
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
