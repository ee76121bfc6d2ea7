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
    /** Whether the current thread is one of the reserved ones. */
    private static final ThreadLocal<Boolean> RESERVED = ThreadLocal.withInitial(() -> false);
    private final ExecutorService threads;
    private volatile boolean running = true;

    public JobRunner(JobStore store, JobExecutor executor, int concurrency, Duration shutdownGrace) {
        this(store, executor, concurrency, shutdownGrace, Set.of(), 0);
    }

    /**
     * With {@code reservedThreads} more threads that take only the {@code reservedKinds} — which the other
     * {@code concurrency} threads then never take: for jobs that spend most of their time waiting (an encode fed
     * by an upload still arriving), so that they cannot hold up the others. With no reserved thread, the other
     * threads take those kinds too: a job is never left with no thread to run it ({@link #onReservedThread()} tells
     * its handler where it runs).
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
        if (reservedThreads > 0) others.removeAll(reservedKinds);
        Set<String> reserved = new HashSet<>(executor.kinds());
        reserved.retainAll(reservedKinds);
        for (int i = 0; i < concurrency; i++) threads.submit(() -> loop(others, wakeUp));
        for (int i = 0; i < reservedThreads; i++) {
            threads.submit(() -> {
                RESERVED.set(true);
                loop(reserved, reservedWakeUp);
            });
        }
        log.info("Job runner {} started: {} thread(s) for {}{}", executor.workerId(), concurrency, others,
                reservedThreads == 0 ? "" : ", " + reservedThreads + " for " + reserved);
    }

    /**
     * Whether the calling thread is one a runner reserved for some kinds of job: a handler of such a kind that would
     * hold its thread a long time may do so there, and should not elsewhere (a shared thread, another queue's).
     */
    public static boolean onReservedThread() {
        return RESERVED.get();
    }

    /** Tells idle threads that a job was enqueued, so they need not wait for the next poll. */
    public void wakeUp() {
        wakeUp.release(concurrency);
        reservedWakeUp.release(reservedThreads);
    }

    private void loop(Set<String> kinds, Semaphore wakeUps) {
        if (kinds.isEmpty()) return;
        while (running) {
            try {
                Optional<Job> job = store.claim(kinds, executor.workerId(), executor.lease());
                if (job.isPresent()) {
                    executor.execute(job.get());
                } else {
                    wakeUps.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
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
