package io.toktik.server.worker;

import io.toktik.core.events.EventBus;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobRunner;
import io.toktik.core.queue.JobStore;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoRepository;
import io.toktik.media.Ffmpeg;
import io.toktik.media.HlsEncoder;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaProber;
import io.toktik.media.PosterMaker;
import io.toktik.media.RenditionStats;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.JobWakeUp;
import io.toktik.server.config.TokTikProperties;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The worker role: the media pipeline's job handlers and the runner that feeds them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ConditionalOnRole.WORKER)
class WorkerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

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
    InputProblems inputProblems(VideoRepository videos, VideoEvents events) {
        return new InputProblems(videos, events);
    }

    @Bean
    JobHandler probeJobHandler(VideoRepository videos, JobStore jobs, TransactionTemplate tx, MediaWorkspace workspace,
                               MediaProber prober, InputProblems problems) {
        return new ProbeJobHandler(videos, jobs, tx, workspace, prober, new LadderPlanner(), problems);
    }

    @Bean
    JobHandler transcodeJobHandler(VideoRepository videos, VideoEvents events, MediaWorkspace workspace, MediaProber prober,
                                   Ffmpeg ffmpeg, BlobStore blobs, TransactionTemplate tx, InputProblems problems,
                                   TokTikProperties props) {
        RenditionPublisher publisher = new RenditionPublisher(videos, blobs, events, tx, new RenditionStats(prober));
        return new TranscodeJobHandler(videos, events, workspace, prober, new LadderPlanner(), new HlsEncoder(ffmpeg),
                new HlsEncoder(ffmpeg.inBackground()), publisher, problems, props.media().transcodeTimeoutFactor());
    }

    @Bean
    JobHandler posterJobHandler(VideoRepository videos, BlobStore blobs, TransactionTemplate tx, MediaWorkspace workspace,
                                MediaProber prober, Ffmpeg ffmpeg) {
        return new PosterJobHandler(videos, blobs, tx, workspace, prober, new PosterMaker(ffmpeg));
    }

    @Bean(destroyMethod = "") // stopped by its lifecycle below, before the database goes away
    JobRunner jobRunner(JobStore store, List<JobHandler> handlers, TokTikProperties props) {
        List<JobHandler> taken = handlers.stream().filter(h -> props.worker().jobs().contains(h.kind())).toList();
        return new JobRunner(store, taken, props.worker().concurrency(), props.worker().shutdownGrace());
    }

    @Bean
    JobWakeUp jobWakeUp(JobRunner runner) {
        return runner::wakeUp;
    }

    /** Starts the runner once the application (and its migrated database) is up; stops it gracefully first. */
    @Bean
    SmartLifecycle jobRunnerLifecycle(JobRunner runner) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                runner.start();
                running = true;
            }

            @Override
            public void stop() {
                runner.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
