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
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JobStore store;
    private final Map<String, JobHandler> handlers;
    private final int concurrency;
    private final Duration shutdownGrace;
    private final String workerId = "worker-" + UUID.randomUUID();
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService threads;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running = true;

    public JobRunner(JobStore store, List<JobHandler> handlers, int concurrency, Duration shutdownGrace) {
        this.store = store;
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
                Optional<Job> job = store.claim(handlers.keySet(), workerId, LEASE);
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
        ScheduledFuture<?> lease = heartbeats.scheduleAtFixedRate(
                () -> renewLease(job), LEASE.toSeconds() / 3, LEASE.toSeconds() / 3, TimeUnit.SECONDS);
        try {
            handler.handle(job);
            store.complete(job.id());
        } catch (Exception e) {
            if (!running && Thread.currentThread().isInterrupted()) return; // released on shutdown, runs again elsewhere
            fail(handler, job, e);
        } finally {
            lease.cancel(false);
        }
    }

    private void fail(JobHandler handler, Job job, Exception e) {
        String error = e.toString();
        if (job.isLastAttempt()) {
            log.error("Job {} {} for video {} failed on its last attempt ({}): giving up", job.kind(), job.id(), job.videoId(), job.attempt(), e);
            handler.onGiveUp(job, e);
            store.bury(job.id(), error);
        } else {
            Duration backoff = Duration.ofSeconds(5L << Math.min(job.attempt() - 1, 6));
            log.warn("Job {} {} for video {} failed (attempt {}), retrying in {}s: {}", job.kind(), job.id(), job.videoId(), job.attempt(), backoff.toSeconds(), error);
            store.retryLater(job.id(), backoff, error);
        }
    }

    private void renewLease(Job job) {
        try {
            if (!store.extend(job.id(), workerId, LEASE)) log.warn("Lost the lease of job {}", job.id());
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of job {}: {}", job.id(), e.toString());
        }
    }

    /** Stops claiming, waits for running jobs up to the grace period, then interrupts and hands them back. */
    @Override
    public void close() {
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
