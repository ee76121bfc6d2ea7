package io.toktik.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobRunnerTest {
    private static final Duration SHORT_LEASE = Duration.ofSeconds(1);

    private final JdbcClient jdbc = TestDatabase.jdbc();
    private final JobStore store = new JobStore(jdbc, () -> {});

    @BeforeEach
    void clean() {
        jdbc.sql("delete from jobs").update();
    }

    @Test
    void enqueuedJob_runsOnceAndIsRemoved() throws Exception {
        Recording handler = new Recording("t1", 0);
        store.enqueue(JobRequest.of("t1", UUID.randomUUID(), 0));
        try (JobRunner runner = runner(handler)) {
            runner.start();
            assertThat(handler.done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.runs).hasValue(1);
        assertThat(store.pending()).isZero();
    }

    @Test
    void jobOfAWorkerThatDied_runsAgainWhenItsLeaseExpires() throws Exception {
        UUID video = UUID.randomUUID();
        store.enqueue(JobRequest.of("t2", video, 0));
        Optional<Job> claimedByDeadWorker = store.claim(List.of("t2"), "dead-worker", SHORT_LEASE);
        assertThat(claimedByDeadWorker).isPresent();

        Recording handler = new Recording("t2", 0);
        try (JobRunner runner = runner(handler)) {
            runner.start();
            assertThat(handler.done.await(15, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.attempts).containsExactly(2);
        assertThat(store.pending()).isZero();
    }

    @Test
    void failingJob_isRetriedThenGivenUpAndKept() throws Exception {
        Recording handler = new Recording("t3", Integer.MAX_VALUE);
        store.enqueue(JobRequest.of("t3", UUID.randomUUID(), 0));
        try (JobRunner runner = runner(handler)) {
            runner.start();
            assertThat(handler.gaveUp.await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.attempts).containsExactly(1, 2, 3);
        assertThat(store.pending()).isZero();
        assertThat(jdbc.sql("select count(*) from jobs where dead_at is not null").query(Long.class).single()).isOne();
    }

    @Test
    void claim_takesTheMostUrgentJobFirst() {
        UUID video = UUID.randomUUID();
        store.enqueue(new JobRequest("t4", video, "later", 30));
        store.enqueue(new JobRequest("t4", video, "first", 10));
        assertThat(store.claim(List.of("t4"), "w", SHORT_LEASE)).map(Job::payload).contains("first");
        assertThat(store.claim(List.of("t4"), "w", SHORT_LEASE)).map(Job::payload).contains("later");
        assertThat(store.claim(List.of("t4"), "w", SHORT_LEASE)).isEmpty();
    }

    @Test
    void claim_takesOnlyTheKindsAsked() {
        store.enqueue(JobRequest.of("poster", UUID.randomUUID(), 0));
        assertThat(store.claim(List.of("transcode"), "w", SHORT_LEASE)).isEmpty();
        assertThat(store.claim(List.of("poster"), "w", SHORT_LEASE)).isPresent();
    }

    @Test
    void release_handsBackAStoppingWorkersJobUncounted() {
        store.enqueue(JobRequest.of("t5", UUID.randomUUID(), 0));
        assertThat(store.claim(List.of("t5"), "stopping", Duration.ofMinutes(5))).map(Job::attempt).contains(1);
        assertThat(store.release("stopping")).isOne();
        assertThat(store.claim(List.of("t5"), "other", SHORT_LEASE)).map(Job::attempt).contains(1);
    }

    private JobRunner runner(JobHandler handler) {
        JobExecutor executor = new JobExecutor(store, List.of(handler), "test-worker-" + UUID.randomUUID(), SHORT_LEASE, Duration.ofMillis(100));
        return new JobRunner(store, executor, 1, Duration.ofSeconds(5));
    }

    /** Fails its first {@code failures} attempts, then succeeds. */
    private static final class Recording implements JobHandler {
        final String kind;
        final int failures;
        final AtomicInteger runs = new AtomicInteger();
        final List<Integer> attempts = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);
        final CountDownLatch gaveUp = new CountDownLatch(1);

        Recording(String kind, int failures) {
            this.kind = kind;
            this.failures = failures;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void handle(Job job) {
            attempts.add(job.attempt());
            if (runs.incrementAndGet() <= failures) throw new IllegalStateException("boom " + job.attempt());
            done.countDown();
        }

        @Override
        public void onGiveUp(Job job, Exception lastError) {
            gaveUp.countDown();
        }
    }
}
