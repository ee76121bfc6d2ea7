package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobExecutor;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.queue.JobRunner;
import io.toktik.core.queue.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded queue (workers polling the jobs table) passes the job-queue contract. */
class EmbeddedJobQueueTest extends JobQueueContract {
    private JobRunner runner;

    @Override
    protected JdbcClient database() {
        return TestDatabase.embedded();
    }

    @Override
    protected AutoCloseable startWorker(JobStore store, JobExecutor executor) {
        runner = new JobRunner(store, executor, 2, Duration.ofSeconds(5));
        runner.start();
        return runner;
    }

    @Override
    protected void enqueued() {
        if (runner != null) runner.wakeUp();
    }

    @Test
    void aReservedKind_runsOnItsReservedThread() throws Exception {
        assertThat(whereAReservedKindRuns(1)).as("on a reserved thread").isTrue();
    }

    @Test
    void aReservedKindWithNoReservedThread_runsOnTheOthers() throws Exception {
        assertThat(whereAReservedKindRuns(0)).as("on a shared thread").isFalse();
    }

    /** Runs one job of a kind reserved with {@code reservedThreads}; whether it ran on a reserved thread. */
    private boolean whereAReservedKindRuns(int reservedThreads) throws Exception {
        String kind = "reserved-" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<Boolean> reserved = new CompletableFuture<>();
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void handle(Job job) {
                reserved.complete(JobRunner.onReservedThread());
            }

            @Override
            public void onGiveUp(Job job, Exception lastError) {
                reserved.completeExceptionally(lastError);
            }
        };
        store.enqueue(JobRequest.of(kind, UUID.randomUUID(), 0));
        JobExecutor executor = new JobExecutor(store, List.of(handler), "test-worker-" + UUID.randomUUID(), SHORT_LEASE,
                Duration.ofMillis(100));
        try (JobRunner reserving = new JobRunner(store, executor, 1, Duration.ofSeconds(5), Set.of(kind), reservedThreads)) {
            reserving.start();
            return reserved.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
