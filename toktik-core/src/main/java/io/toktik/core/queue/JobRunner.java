package io.toktik.core.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs from the {@link JobStore} on a fixed number of threads: claims with a lease that is renewed
 * while the job runs, retries failures with exponential backoff, gives up after the job's last attempt,
 * and on shutdown lets running jobs finish within a grace period before handing them back.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JobStore store;
    private final Map<String, JobHandler> handlers;
    private final int concurrency;
    private final Duration shutdownGrace;
    private final Duration lease;
    private final Duration firstBackoff;
    private final String workerId = "worker-" + UUID.randomUUID();
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService threads;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running = true;

    public JobRunner(JobStore store, List<JobHandler> handlers, int concurrency, Duration shutdownGrace) {
        this(store, handlers, concurrency, shutdownGrace, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    /**
     * @param lease        how long a claimed job stays ours without renewal: a dead worker's job runs again after it
     * @param firstBackoff the wait before the first retry; it doubles with each attempt
     */
    public JobRunner(JobStore store, List<JobHandler> handlers, int concurrency, Duration shutdownGrace, Duration lease,
                     Duration firstBackoff) {
        this.store = store;
        this.lease = lease;
        this.firstBackoff = firstBackoff;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        this.concurrency = concurrency;
        this.shutdownGrace = shutdownGrace;
        this.threads = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("job-runner-", 0).factory());
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-lease").factory());
    }

    public void start() {
        for (int i = 0; i < concurrency; i++) threads.submit(this::loop);
        log.info("Job runner {} started: {} thread(s) for {}", workerId, concurrency, handlers.keySet());
    }

    /** Tells idle threads that a job was enqueued, so they need not wait for the next poll. */
    public void wakeUp() {
        wakeUp.release(concurrency);
    }

    private void loop() {
        while (running) {
            try {
                Optional<Job> job = store.claim(handlers.keySet(), workerId, lease);
                if (job.isPresent()) {
                    run(job.get());
                } else {
                    wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("Job runner could not claim a job (will retry): {}", e.toString());
                sleepQuietly(POLL);
            }
        }
    }

    private void run(Job job) {
        JobHandler handler = handlers.get(job.kind());
        ScheduledFuture<?> renewal = heartbeats.scheduleAtFixedRate(
                () -> renewLease(job), lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            handler.handle(job);
            store.complete(job.id());
        } catch (Exception e) {
            if (!running && Thread.currentThread().isInterrupted()) return; // released on shutdown, runs again elsewhere
            fail(handler, job, e);
        } finally {
            renewal.cancel(false);
        }
    }

    private void fail(JobHandler handler, Job job, Exception e) {
        String error = e.toString();
        if (job.isLastAttempt()) {
            log.error("Job {} {} for video {} failed on its last attempt ({}): giving up", job.kind(), job.id(), job.videoId(), job.attempt(), e);
            handler.onGiveUp(job, e);
            store.bury(job.id(), error);
        } else {
            Duration backoff = firstBackoff.multipliedBy(1L << Math.min(job.attempt() - 1, 6));
            log.warn("Job {} {} for video {} failed (attempt {}), retrying in {}s: {}", job.kind(), job.id(), job.videoId(), job.attempt(), backoff.toMillis() / 1000.0, error);
            store.retryLater(job.id(), backoff, error);
        }
    }

    private void renewLease(Job job) {
        try {
            if (!store.extend(job.id(), workerId, lease)) log.warn("Lost the lease of job {}", job.id());
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of job {}: {}", job.id(), e.toString());
        }
    }

    /** Stops claiming, waits for running jobs up to the grace period, then interrupts and hands them back. */
    @Override
    public void close() {
        if (!running) return;
        running = false;
        wakeUp();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
                threads.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.shutdownNow();
        try {
            int released = store.release(workerId);
            if (released > 0) log.info("Handed back {} unfinished job(s)", released);
        } catch (RuntimeException e) {
            log.warn("Could not hand back unfinished jobs; their leases will expire: {}", e.toString());
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
