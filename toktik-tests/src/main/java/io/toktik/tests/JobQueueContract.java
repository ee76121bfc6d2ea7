package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobExecutor;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.queue.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every job queue must do: run each accepted job, once per success; retry a failing job with backoff and
 * give up after its last attempt; run again the job of a worker that died. Each test uses its own job kind.
 */
public abstract class JobQueueContract {
    protected static final Duration SHORT_LEASE = Duration.ofSeconds(1);
    protected static final long WAIT_SECONDS = 30;

    protected JobStore store;
    private final JdbcClient jdbc = database();

    /** The database holding the jobs table. */
    protected abstract JdbcClient database();

    /** Starts a worker of this queue running {@code executor}'s kinds; closing it stops it. */
    protected abstract AutoCloseable startWorker(JobStore store, JobExecutor executor) throws Exception;

    /** Called after enqueueing, for queues that move jobs on only when told (or polled). */
    protected void enqueued() {}

    @BeforeEach
    void freshStore() {
        store = new JobStore(jdbc, this::enqueued);
    }

    @Test
    void enqueuedJob_runsOnceAndIsRemoved() throws Exception {
        Recording handler = new Recording(kind(), 0);
        store.enqueue(JobRequest.of(handler.kind, UUID.randomUUID(), 0));
        try (AutoCloseable worker = startWorker(store, executor(handler))) {
            assertThat(handler.done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.attempts).containsExactly(1);
        assertThat(remaining(handler.kind)).isZero();
    }

    @Test
    void failingJob_isRetriedThenGivenUpAndKept() throws Exception {
        Recording handler = new Recording(kind(), Integer.MAX_VALUE);
        store.enqueue(JobRequest.of(handler.kind, UUID.randomUUID(), 0));
        try (AutoCloseable worker = startWorker(store, executor(handler))) {
            assertThat(handler.gaveUp.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.attempts).containsExactly(1, 2, 3);
        assertThat(jdbc.sql("select count(*) from jobs where kind = ? and dead_at is not null")
                .param(handler.kind).query(Long.class).single()).isOne();
    }

    @Test
    void jobOfAWorkerThatDied_runsAgainWhenItsLeaseRunsOut() throws Exception {
        Recording handler = new Recording(kind(), 0);
        store.enqueue(JobRequest.of(handler.kind, UUID.randomUUID(), 0));
        assertThat(store.claim(List.of(handler.kind), "worker-that-died", SHORT_LEASE)).isPresent();
        try (AutoCloseable worker = startWorker(store, executor(handler))) {
            assertThat(handler.done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.attempts).containsExactly(2);
        assertThat(remaining(handler.kind)).isZero();
    }

    @Test
    void manyJobs_eachRunExactlyOnce() throws Exception {
        Recording handler = new Recording(kind(), 0, 20);
        for (int i = 0; i < 20; i++) store.enqueue(JobRequest.of(handler.kind, UUID.randomUUID(), i % 3));
        try (AutoCloseable worker = startWorker(store, executor(handler))) {
            assertThat(handler.done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.videos).hasSize(20).doesNotHaveDuplicates();
        assertThat(remaining(handler.kind)).isZero();
    }

    private JobExecutor executor(JobHandler handler) {
        return new JobExecutor(store, List.of(handler), "test-worker-" + UUID.randomUUID(), SHORT_LEASE, Duration.ofMillis(100));
    }

    private long remaining(String kind) {
        return jdbc.sql("select count(*) from jobs where kind = ? and dead_at is null").param(kind).query(Long.class).single();
    }

    private static String kind() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Fails its first {@code failures} runs, then succeeds; done after {@code expected} successes. */
    private static final class Recording implements JobHandler {
        final String kind;
        final int failures;
        final List<Integer> attempts = new CopyOnWriteArrayList<>();
        final List<UUID> videos = new CopyOnWriteArrayList<>();
        final CountDownLatch done;
        final CountDownLatch gaveUp = new CountDownLatch(1);
        private int runs;

        Recording(String kind, int failures) {
            this(kind, failures, 1);
        }

        Recording(String kind, int failures, int expected) {
            this.kind = kind;
            this.failures = failures;
            this.done = new CountDownLatch(expected);
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void handle(Job job) {
            attempts.add(job.attempt());
            synchronized (this) {
                if (++runs <= failures) throw new IllegalStateException("boom " + job.attempt());
            }
            videos.add(job.videoId());
            done.countDown();
        }

        @Override
        public void onGiveUp(Job job, Exception lastError) {
            gaveUp.countDown();
        }
    }
}
