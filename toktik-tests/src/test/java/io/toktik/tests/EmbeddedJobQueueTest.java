package io.toktik.tests;

import io.toktik.core.queue.JobExecutor;
import io.toktik.core.queue.JobRunner;
import io.toktik.core.queue.JobStore;
import java.time.Duration;
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
}
