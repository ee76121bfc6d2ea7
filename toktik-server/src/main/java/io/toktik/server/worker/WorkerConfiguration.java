package io.toktik.server.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.toktik.core.events.EventBus;
import io.toktik.core.queue.JobExecutor;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobRunner;
import io.toktik.core.queue.JobStore;
import io.toktik.core.social.Notifier;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.upload.UploadRepository;
import io.toktik.core.video.EarlyEncodes;
import io.toktik.core.video.RenditionChunks;
import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.media.Ffmpeg;
import io.toktik.media.HlsEncoder;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaProber;
import io.toktik.media.PosterMaker;
import io.toktik.media.RenditionStats;
import io.toktik.media.StoryboardMaker;
import io.toktik.server.config.ConditionalOnBackend;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.StartStopLifecycle;
import io.toktik.server.config.JobWakeUp;
import io.toktik.server.config.TokTikProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The worker role: the media pipeline's job handlers and the runner that feeds them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ConditionalOnRole.WORKER)
class WorkerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    /** How long a video's other jobs wait for its first segment at most: an ordering hint, not a dependency. */
    private static final Duration FIRST_SEGMENT_WAIT = Duration.ofSeconds(20);

    @Bean
    Ffmpeg ffmpeg(TokTikProperties props) {
        Ffmpeg ffmpeg = Ffmpeg.locate(props.media().ffmpeg(), props.dataDir().resolve("bin"));
        log.info("Transcoding with {} ({})", ffmpeg.executable(), ffmpeg.version());
        return ffmpeg;
    }

    @Bean
    MediaProber mediaProber() {
        return new MediaProber();
    }

    @Bean
    MediaWorkspace mediaWorkspace(TokTikProperties props, BlobStore blobs) throws IOException {
        return new MediaWorkspace(props.dataDir().resolve("work"), blobs);
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry meters, JobStore store) {
        return new PipelineMetrics(meters, store, VideoJobs.KINDS);
    }

    @Bean
    FirstSegments firstSegments() {
        return new FirstSegments(FIRST_SEGMENT_WAIT);
    }

    @Bean
    InputProblems inputProblems(VideoRepository videos, VideoEvents events, Notifier notifier, PipelineMetrics metrics) {
        return new InputProblems(videos, events, notifier, metrics, VideoJobs.PROBE);
    }

    @Bean
    ProbeJobHandler probeJobHandler(VideoRepository videos, JobStore jobs, TransactionTemplate tx, MediaWorkspace workspace,
                                    MediaProber prober, InputProblems problems, TokTikProperties props, JdbcClient jdbc) {
        return new ProbeJobHandler(videos, jobs, tx, workspace, prober, new LadderPlanner(), problems,
                new Chunking(props.media().chunkSeconds()), new EarlyEncodes(jdbc));
    }

    @Bean
    RenditionPublisher renditionPublisher(VideoRepository videos, BlobStore blobs, VideoEvents events, TransactionTemplate tx,
                                          MediaProber prober, Notifier notifier) {
        return new RenditionPublisher(videos, blobs, events, tx, new RenditionStats(prober), notifier);
    }

    @Bean
    JobHandler transcodeJobHandler(VideoRepository videos, VideoEvents events, MediaWorkspace workspace, MediaProber prober,
                                   Ffmpeg ffmpeg, BlobStore blobs, TransactionTemplate tx, InputProblems problems,
                                   TokTikProperties props, RenditionPublisher publisher, JdbcClient jdbc,
                                   FirstSegments firstSegments) {
        RenditionStats stats = new RenditionStats(prober);
        ChunkJoin chunkJoin = new ChunkJoin(publisher, new RenditionChunks(jdbc), stats, tx);
        return new TranscodeJobHandler(videos, events, workspace, prober, new LadderPlanner(), new HlsEncoder(ffmpeg),
                new HlsEncoder(ffmpeg.inBackground()), publisher, blobs, chunkJoin, problems.at(VideoJobs.TRANSCODE),
                firstSegments, props.media().transcodeTimeoutFactor());
    }

    @Bean
    JobHandler earlyTranscodeJobHandler(VideoRepository videos, JdbcClient jdbc, BlobStore blobs, JobStore jobs,
                                        TransactionTemplate tx, MediaWorkspace workspace, MediaProber prober, Ffmpeg ffmpeg,
                                        RenditionPublisher publisher, ProbeJobHandler probe, Clock clock) {
        return new EarlyTranscodeJobHandler(videos, new EarlyEncodes(jdbc), new UploadRepository(jdbc), blobs, jobs, tx,
                workspace, prober, new LadderPlanner(), new HlsEncoder(ffmpeg), publisher, probe, clock,
                JobRunner::onReservedThread);
    }

    @Bean
    JobHandler posterJobHandler(VideoRepository videos, BlobStore blobs, TransactionTemplate tx, MediaWorkspace workspace,
                                MediaProber prober, Ffmpeg ffmpeg, FirstSegments firstSegments) {
        return new PosterJobHandler(videos, blobs, tx, workspace, prober, firstSegments,
                new PosterMaker(ffmpeg.inBackground()));
    }

    @Bean
    JobHandler storyboardJobHandler(VideoRepository videos, BlobStore blobs, TransactionTemplate tx,
                                    MediaWorkspace workspace, MediaProber prober, Ffmpeg ffmpeg,
                                    FirstSegments firstSegments) {
        return new StoryboardJobHandler(videos, blobs, tx, workspace, prober, firstSegments,
                new StoryboardMaker(ffmpeg.whenIdle()));
    }

    /** Runs the jobs of the kinds this worker takes ({@code TOKTIK_WORKER_JOBS}), whatever queue delivers them. */
    @Bean(destroyMethod = "") // closed by the queue's runner, before the database goes away
    JobExecutor jobExecutor(JobStore store, List<JobHandler> handlers, TokTikProperties props, PipelineMetrics metrics) {
        List<JobHandler> taken = handlers.stream().filter(h -> props.worker().jobs().contains(h.kind()))
                .map(metrics::metered).toList();
        return new JobExecutor(store, taken, "worker-" + UUID.randomUUID(), props.worker().lease(), FIRST_BACKOFF);
    }

    /** The embedded queue: this worker's threads claim jobs straight from the jobs table. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(ConditionalOnRole.WORKER) // nested configurations are scanned on their own
    @ConditionalOnBackend(property = "toktik.queue.type", value = "embedded", isDefault = true)
    static class EmbeddedQueueWorker {
        @Bean(destroyMethod = "")
        JobRunner jobRunner(JobStore store, JobExecutor executor, TokTikProperties props) {
            // Early encodes wait for their uploads most of the time: threads of their own, so they never hold up the rest.
            return new JobRunner(store, executor, props.worker().concurrency(), props.worker().shutdownGrace(),
                    Set.of(VideoJobs.EARLY), props.worker().earlyConcurrency());
        }

        @Bean
        JobWakeUp jobRunnerWakeUp(JobRunner runner) {
            return runner::wakeUp;
        }

        @Bean
        StartStopLifecycle jobRunnerLifecycle(JobRunner runner) {
            return new StartStopLifecycle(runner::start, runner::close);
        }
    }
}
