package io.toktik.server.worker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobStore;
import io.toktik.media.MediaException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.slf4j.MDC;

/**
 * The media pipeline's meters, all defined here: how long each stage takes, why runs fail, how many run in this
 * process, how long jobs waited, and the jobs table's depth. Handlers know nothing of them: {@link #metered} wraps one.
 */
final class PipelineMetrics {
    private static final String STAGE_DURATION = "toktik.pipeline.stage.duration";
    private static final String STAGE_ERRORS = "toktik.pipeline.errors";
    private static final String VIDEOS_FAILED = "toktik.pipeline.videos.failed";
    private static final String IN_FLIGHT = "toktik.pipeline.jobs.in.flight";
    private static final String JOB_WAIT = "toktik.jobs.wait";
    /** Stages last from a second (probe) to many minutes (a long 1080p ladder). */
    private static final Duration LONGEST_STAGE = Duration.ofHours(1);

    private final MeterRegistry meters;

    PipelineMetrics(MeterRegistry meters, JobStore store, Set<String> kinds) {
        this.meters = meters;
        JobDepths depths = new JobDepths(store);
        for (String kind : kinds) {
            depthGauge("toktik.jobs.waiting", "Jobs due and not claimed by any worker", kind, depths, d -> d.waiting());
            depthGauge("toktik.jobs.running", "Jobs claimed by a live worker", kind, depths, d -> d.running());
            depthGauge("toktik.jobs.dead", "Jobs given up on, kept for inspection", kind, depths, d -> d.dead());
            Gauge.builder("toktik.jobs.oldest.wait", depths, d -> d.of(kind, x -> x.oldestWait().toMillis() / 1000.0))
                    .description("How long the oldest due, unclaimed job has waited").baseUnit("seconds")
                    .tag("kind", kind).strongReference(true).register(meters);
        }
    }

    private void depthGauge(String name, String description, String kind, JobDepths depths,
                            ToDoubleFunction<JobStore.Depth> value) {
        Gauge.builder(name, depths, d -> d.of(kind, value)).description(description).tag("kind", kind)
                .strongReference(true).register(meters);
    }

    /** {@code handler}, timed, counted and with the job's ids in the logging context. */
    JobHandler metered(JobHandler handler) {
        AtomicInteger running = new AtomicInteger();
        Gauge.builder(IN_FLIGHT, running, AtomicInteger::get).description("Jobs this process is running")
                .tag("stage", handler.kind()).strongReference(true).register(meters);
        return new JobHandler() {
            @Override
            public String kind() {
                return handler.kind();
            }

            @Override
            public void handle(Job job) throws Exception {
                Timer.builder(JOB_WAIT).description("From a job being due to its claim by a worker").tag("kind", job.kind())
                        .publishPercentileHistogram().maximumExpectedValue(LONGEST_STAGE).register(meters)
                        .record(job.waited());
                Timer.Sample sample = Timer.start(meters);
                String outcome = "error";
                running.incrementAndGet();
                try (var video = MDC.putCloseable("videoId", String.valueOf(job.videoId()));
                     var id = MDC.putCloseable("jobId", Long.toString(job.id()));
                     var kind = MDC.putCloseable("jobKind", job.kind())) {
                    handler.handle(job);
                    outcome = "success";
                } catch (Exception e) {
                    meters.counter(STAGE_ERRORS, "stage", job.kind(), "reason", reason(e)).increment();
                    throw e;
                } finally {
                    running.decrementAndGet();
                    sample.stop(Timer.builder(STAGE_DURATION).description("One run of a pipeline stage")
                            .tags("stage", job.kind(), "renditions", renditions(job), "outcome", outcome)
                            .publishPercentileHistogram().maximumExpectedValue(LONGEST_STAGE).register(meters));
                }
            }

            @Override
            public void onGiveUp(Job job, Exception lastError) {
                handler.onGiveUp(job, lastError);
            }
        };
    }

    /** Counts a video marked FAILED at {@code stage}, by the error code its owner is shown. */
    void videoFailed(String stage, String code) {
        meters.counter(VIDEOS_FAILED, "stage", stage, "code", code).increment();
    }

    /** A transcode run's renditions (its job's payload: the lowest one alone, or the rest together). */
    private static String renditions(Job job) {
        return job.payload().isBlank() ? "none" : job.payload();
    }

    private static String reason(Exception e) {
        return e instanceof MediaException m ? m.code().name() : e.getClass().getSimpleName();
    }

    /** The jobs table's depth, read at most once a second however many gauges and scrapes ask. */
    private static final class JobDepths {
        private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();
        private final JobStore store;
        private List<JobStore.Depth> last = List.of();
        private long readAt = System.nanoTime() - MAX_AGE_NANOS;

        JobDepths(JobStore store) {
            this.store = store;
        }

        double of(String kind, ToDoubleFunction<JobStore.Depth> value) {
            List<JobStore.Depth> depths = current();
            return depths.stream().filter(d -> d.kind().equals(kind)).findFirst().map(value::applyAsDouble).orElse(0.0);
        }

        private synchronized List<JobStore.Depth> current() {
            if (System.nanoTime() - readAt >= MAX_AGE_NANOS) {
                last = store.depth();
                readAt = System.nanoTime();
            }
            return last;
        }
    }
}
