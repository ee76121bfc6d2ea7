package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobQueue;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.Rendition;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Probes an uploaded source and plans its ladder, then enqueues — in the same transaction — the lowest
 * rendition first, the poster, the other renditions (for a long source, one job per chunk of time, so that
 * several workers share it) and the storyboard, so a playable video comes as soon as possible.
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

    ProbeJobHandler(VideoRepository videos, JobQueue jobs, TransactionTemplate tx, MediaWorkspace workspace,
                    MediaProber prober, LadderPlanner planner, InputProblems problems, Chunking chunking) {
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
        Video video = videos.findById(job.videoId()).orElse(null);
        if (video == null || video.status() != VideoStatus.PROCESSING || !video.renditions().isEmpty()) return;
        MediaInfo info;
        try (WorkArea area = workspace.open(job)) {
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
            List<RenditionInfo> planned = new ArrayList<>(
                    ladder.stream().map(r -> RenditionInfo.planned(r.name(), r.width(), r.height())).toList());
            if (rest.stream().anyMatch(TranscodePayload::isChunk) && info.hasAudio()) {
                planned.add(RenditionInfo.planned(RenditionInfo.AUDIO, 0, 0)); // chunks are video only
            }
            videos.recordProbe(video.id(), info.videoDurationMs(), info.video().displayWidth(), info.video().displayHeight(),
                    planned);
            int ahead = videos.processingAhead(video.id());
            jobs.enqueue(new JobRequest(VideoJobs.TRANSCODE, video.id(), ladder.getFirst().name(),
                    VideoJobs.fair(VideoJobs.PRIORITY_FIRST_RENDITION, ahead)));
            jobs.enqueue(JobRequest.of(VideoJobs.POSTER, video.id(), VideoJobs.fair(VideoJobs.PRIORITY_POSTER, ahead)));
            for (TranscodePayload payload : rest) {
                jobs.enqueue(new JobRequest(VideoJobs.TRANSCODE, video.id(), payload.format(),
                        VideoJobs.fair(VideoJobs.PRIORITY_MORE_RENDITIONS, ahead)));
            }
            jobs.enqueue(JobRequest.of(VideoJobs.STORYBOARD, video.id(), VideoJobs.fair(VideoJobs.PRIORITY_STORYBOARD, ahead)));
        });
        log.info("Video {}: {} {}x{} {} ms → ladder {}", video.id(), info.video().codec(), info.video().displayWidth(),
                info.video().displayHeight(), info.durationMs(), ladder.stream().map(Rendition::name).toList());
    }

    @Override
    public void onGiveUp(Job job, Exception lastError) {
        problems.fail(job.videoId(), "PROCESSING_FAILED", "We couldn't read this video. Try uploading it again.");
    }
}
