package io.toktik.core.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job to its end, whatever delivered it (the embedded poller or a broker): renews the
 * job's lease while its handler works, removes it on success, schedules a retry with exponential backoff
 * on failure, and gives up — recording why — after the last attempt.
 */
public final class JobExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

    /** How a run ended. */
    public enum Outcome { COMPLETED, RETRY_SCHEDULED, GAVE_UP, INTERRUPTED }

    private final JobStore store;
    private final Map<String, JobHandler> handlers;
    private final String workerId;
    private final Duration lease;
    private final Duration firstBackoff;
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-lease").factory());

    public JobExecutor(JobStore store, List<JobHandler> handlers, String workerId, Duration lease, Duration firstBackoff) {
        this.store = store;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.workerId = workerId;
        this.lease = lease;
        this.firstBackoff = firstBackoff;
    }

    public Set<String> kinds() {
        return handlers.keySet();
    }

    public String workerId() {
        return workerId;
    }

    public Duration lease() {
        return lease;
    }

    public Outcome execute(Job job) {
        JobHandler handler = handlers.get(job.kind());
        ScheduledFuture<?> renewal = heartbeats.scheduleAtFixedRate(
                () -> renewLease(job), lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            handler.handle(job);
            store.complete(job.id());
            return Outcome.COMPLETED;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) return Outcome.INTERRUPTED; // handed back on shutdown
            return fail(handler, job, e);
        } finally {
            renewal.cancel(false);
        }
    }

    private Outcome fail(JobHandler handler, Job job, Exception e) {
        String error = e.toString();
        if (job.isLastAttempt()) {
            log.error("Job {} {} for video {} failed on its last attempt ({}): giving up", job.kind(), job.id(), job.videoId(), job.attempt(), e);
            handler.onGiveUp(job, e);
            store.bury(job.id(), error);
            return Outcome.GAVE_UP;
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(job.attempt() - 1, 6));
        log.warn("Job {} {} for video {} failed (attempt {}), retrying in {}s: {}", job.kind(), job.id(), job.videoId(),
                job.attempt(), backoff.toMillis() / 1000.0, error);
        store.retryLater(job.id(), backoff, error);
        return Outcome.RETRY_SCHEDULED;
    }

    private void renewLease(Job job) {
        try {
            if (!store.extend(job.id(), workerId, lease)) log.warn("Lost the lease of job {}", job.id());
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of job {}: {}", job.id(), e.toString());
        }
    }

    /**
     * Lets the jobs running on {@code threads} finish within {@code grace}, interrupts the rest, then hands back
     * what this worker still holds: a stopping worker finishes or requeues its jobs.
     */
    public void stop(ExecutorService threads, Duration grace) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
                threads.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Hands back, uncounted, the jobs this worker still holds. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        try {
            int released = store.release(workerId);
            if (released > 0) log.info("Handed back {} unfinished job(s)", released);
        } catch (RuntimeException e) {
            log.warn("Could not hand back unfinished jobs; their leases will expire: {}", e.toString());
        }
    }
}
