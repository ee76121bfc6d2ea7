package io.toktik.core.queue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded job queue's workers: a fixed number of threads claim runnable jobs straight from the
 * {@link JobStore} and run them through a {@link JobExecutor}. On shutdown, running jobs get a grace
 * period to finish before they are interrupted and handed back.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JobStore store;
    private final JobExecutor executor;
    private final int concurrency;
    private final Set<String> reservedKinds;
    private final int reservedThreads;
    private final Duration shutdownGrace;
    /** Wake-ups of the {@code concurrency} threads, and of the reserved ones: a thread drains only its own kind's. */
    private final Semaphore wakeUp = new Semaphore(0);
    private final Semaphore reservedWakeUp = new Semaphore(0);
    private final ExecutorService threads;
    private volatile boolean running = true;

    public JobRunner(JobStore store, JobExecutor executor, int concurrency, Duration shutdownGrace) {
        this(store, executor, concurrency, shutdownGrace, Set.of(), 0);
    }

    /**
     * With {@code reservedThreads} more threads that take only the {@code reservedKinds} — which the other
     * {@code concurrency} threads then never take: for jobs that spend most of their time waiting (an encode fed
     * by an upload still arriving), so that they cannot hold up the others.
     */
    public JobRunner(JobStore store, JobExecutor executor, int concurrency, Duration shutdownGrace, Set<String> reservedKinds,
                     int reservedThreads) {
        this.store = store;
        this.executor = executor;
        this.concurrency = concurrency;
        this.shutdownGrace = shutdownGrace;
        this.reservedKinds = Set.copyOf(reservedKinds);
        this.reservedThreads = reservedKinds.isEmpty() ? 0 : reservedThreads;
        this.threads = Executors.newFixedThreadPool(concurrency + this.reservedThreads,
                Thread.ofPlatform().name("job-runner-", 0).factory());
    }

    public void start() {
        Set<String> others = new HashSet<>(executor.kinds());
        others.removeAll(reservedKinds);
        Set<String> reserved = new HashSet<>(executor.kinds());
        reserved.retainAll(reservedKinds);
        for (int i = 0; i < concurrency; i++) threads.submit(() -> loop(others, wakeUp));
        for (int i = 0; i < reservedThreads; i++) threads.submit(() -> loop(reserved, reservedWakeUp));
        log.info("Job runner {} started: {} thread(s) for {}{}", executor.workerId(), concurrency, others,
                reservedThreads == 0 ? "" : ", " + reservedThreads + " for " + reserved);
    }

    /** Tells idle threads that a job was enqueued, so they need not wait for the next poll. */
    public void wakeUp() {
        wakeUp.release(concurrency);
        reservedWakeUp.release(reservedThreads);
    }

    private void loop(Set<String> kinds, Semaphore wakeUp) {
        if (kinds.isEmpty()) return;
        while (running) {
            try {
                Optional<Job> job = store.claim(kinds, executor.workerId(), executor.lease());
                if (job.isPresent()) {
                    executor.execute(job.get());
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

    /** Stops claiming, waits for running jobs up to the grace period, then interrupts and hands them back. */
    @Override
    public void close() {
        if (!running) return;
        running = false;
        wakeUp();
        executor.stop(threads, shutdownGrace);
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
