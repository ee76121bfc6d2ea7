package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.queue.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jobs table's depth per kind, and how long a claimed job had been due: what the queue metrics report. */
class JobStoreDepthTest {
    private final JdbcClient jdbc = TestDatabase.embedded();
    private final JobStore store = new JobStore(jdbc, () -> {});
    private final String kind = "depth-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void depth_countsWaitingRunningAndDeadJobs_andTheOldestWait() {
        for (int i = 0; i < 4; i++) store.enqueue(JobRequest.of(kind, UUID.randomUUID(), i));
        Job running = store.claim(List.of(kind), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        Job dead = store.claim(List.of(kind), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        store.bury(dead.id(), "gave up");
        jdbc.sql("update jobs set run_after = now() - interval '2 minutes' where kind = ? and locked_by is null and dead_at is null")
                .param(kind).update();

        JobStore.Depth depth = store.depth().stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow();

        assertThat(depth.waiting()).isEqualTo(2);
        assertThat(depth.running()).isEqualTo(1);
        assertThat(depth.dead()).isEqualTo(1);
        assertThat(depth.oldestWait()).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(60));
        assertThat(running.waited()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void claimedJob_knowsHowLongItWasDue() {
        store.enqueue(JobRequest.of(kind, UUID.randomUUID(), 0));
        jdbc.sql("update jobs set run_after = now() - interval '90 seconds' where kind = ?").param(kind).update();

        Job job = store.claim(List.of(kind), "worker-a", Duration.ofMinutes(1)).orElseThrow();

        assertThat(job.waited()).isBetween(Duration.ofSeconds(90), Duration.ofMinutes(60));
    }
}
