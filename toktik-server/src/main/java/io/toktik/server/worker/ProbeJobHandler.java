package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobQueue;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.video.EarlyEncodes;
import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.media.HlsEncoder;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.Rendition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Probes an uploaded source and plans its ladder, then enqueues — in the same transaction — the lowest
 * rendition first, the poster, the other renditions (for a long source, one job per chunk of time, so that
 * several workers share it) and the storyboard, so a playable video comes as soon as possible. A lowest rendition
 * already being encoded while the upload arrived ({@link EarlyTranscodeJobHandler}) is not encoded again when it is
 * the one planned here.
 */
final class ProbeJobHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(ProbeJobHandler.class);

    private final VideoRepository videos;
    private final JobQueue jobs;
    private final TransactionTemplate tx;
    private final MediaWorkspace workspace;
    private final MediaProber prober;
    private final LadderPlanner planner;
    private final InputProblems problems;
    private final Chunking chunking;
    private final EarlyEncodes earlyEncodes;

    ProbeJobHandler(VideoRepository videos, JobQueue jobs, TransactionTemplate tx, MediaWorkspace workspace,
                    MediaProber prober, LadderPlanner planner, InputProblems problems, Chunking chunking,
                    EarlyEncodes earlyEncodes) {
        this.earlyEncodes = earlyEncodes;
        this.videos = videos;
        this.jobs = jobs;
        this.tx = tx;
        this.workspace = workspace;
        this.prober = prober;
        this.planner = planner;
        this.problems = problems;
        this.chunking = chunking;
    }

    @Override
    public String kind() {
        return VideoJobs.PROBE;
    }

    @Override
    public void handle(Job job) throws Exception {
        try (WorkArea area = workspace.open(job)) {
            probeAndPlan(job.videoId(), area);
        }
    }

    /**
     * Probes the video's complete source and plans its ladder, unless that was done; judges the video's early encode
     * ({@link EarlyEncodes#judge}): when it is the lowest rendition as planned here, it is adopted — not encoded
     * again, with the audio as a rendition of its own as it encodes it — else it is abandoned, and its job hands the
     * rendition back once it has stopped.
     */
    void probeAndPlan(UUID videoId, WorkArea area) throws Exception {
        Video video = videos.findById(videoId).orElse(null);
        if (video == null || video.status() != VideoStatus.PROCESSING || !video.renditions().isEmpty()) return;
        MediaInfo info;
        try {
            info = prober.probe(workspace.source(video.id(), area));
        } catch (MediaException e) {
            if (!InputProblems.isPermanent(e)) throw e;
            problems.fail(video.id(), e.code().name(), e.getMessage());
            return;
        }
        List<Rendition> ladder = planner.plan(info);
        tx.executeWithoutResult(status -> {
            if (!videos.lock(video.id()) || !videos.findById(video.id()).orElseThrow().renditions().isEmpty()) return;
            List<TranscodePayload> rest = chunking.rest(info, ladder);
            Optional<EarlyEncodes.State> early = earlyEncodes.judge(video.id(),
                    HlsEncoder.pipedPlan(info, List.of(ladder.getFirst()), EarlyTranscodeJobHandler.OPTIONS));
            boolean adopted = early.orElse(null) == EarlyEncodes.State.ADOPTED;
            List<RenditionInfo> planned = new ArrayList<>(
                    ladder.stream().map(r -> RenditionInfo.planned(r.name(), r.width(), r.height())).toList());
            if ((adopted || rest.stream().anyMatch(TranscodePayload::isChunk)) && info.hasAudio()) {
                planned.add(RenditionInfo.planned(RenditionInfo.AUDIO, 0, 0)); // chunks are video only
            }
            videos.recordProbe(video.id(), info.videoDurationMs(), info.video().displayWidth(), info.video().displayHeight(),
                    planned);
            int ahead = videos.processingAhead(video.id());
            if (early.isEmpty()) {
                jobs.enqueue(new JobRequest(VideoJobs.TRANSCODE, video.id(), ladder.getFirst().name(),
                        VideoJobs.fair(VideoJobs.PRIORITY_FIRST_RENDITION, ahead)));
            }
            jobs.enqueue(JobRequest.of(VideoJobs.POSTER, video.id(), VideoJobs.fair(VideoJobs.PRIORITY_POSTER, ahead)));
            for (TranscodePayload payload : rest) {
                jobs.enqueue(new JobRequest(VideoJobs.TRANSCODE, video.id(), payload.format(),
                        VideoJobs.fair(VideoJobs.PRIORITY_MORE_RENDITIONS, ahead)));
            }
            jobs.enqueue(JobRequest.of(VideoJobs.STORYBOARD, video.id(), VideoJobs.fair(VideoJobs.PRIORITY_STORYBOARD, ahead)));
        });
        log.info("Video {}: {} {}x{} {} ms → ladder {}{}", video.id(), info.video().codec(), info.video().displayWidth(),
                info.video().displayHeight(), info.durationMs(), ladder.stream().map(Rendition::name).toList(),
                earlyEncodes.find(video.id()).map(e -> ", early encode " + e.state().name().toLowerCase(Locale.ROOT)).orElse(""));
    }

    @Override
    public void onGiveUp(Job job, Exception lastError) {
        problems.fail(job.videoId(), "PROCESSING_FAILED", "We couldn't read this video. Try uploading it again.");
    }
}
