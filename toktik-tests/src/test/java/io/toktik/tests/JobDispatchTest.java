package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.queue.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jobs table as a broker's outbox: what is published, and what is published again. */
class JobDispatchTest {
    private static final Duration LONG = Duration.ofMinutes(10);

    private final JdbcClient jdbc = TestDatabase.embedded();
    private final JobStore store = new JobStore(jdbc, () -> {});

    @BeforeEach
    void clean() {
        jdbc.sql("delete from jobs").update();
    }

    @Test
    void newJob_isDispatchedOnce_mostUrgentFirst() {
        store.enqueue(new JobRequest("k", UUID.randomUUID(), "", 30));
        store.enqueue(new JobRequest("k", UUID.randomUUID(), "", 10));
        List<JobStore.Dispatch> first = store.takeForDispatch(10, LONG);
        assertThat(first).extracting(JobStore.Dispatch::priority).containsExactly(10, 30);
        assertThat(store.takeForDispatch(10, LONG)).isEmpty();
    }

    @Test
    void unconfirmedDispatch_isTakenAgain() {
        store.enqueue(JobRequest.of("k", UUID.randomUUID(), 0));
        List<JobStore.Dispatch> taken = store.takeForDispatch(10, LONG);
        store.undispatch(taken.stream().map(JobStore.Dispatch::jobId).toList());
        assertThat(store.takeForDispatch(10, LONG)).hasSize(1);
    }

    @Test
    void jobOfADeadWorker_isDispatchedAgainWhenItsLeaseRunsOut() throws Exception {
        store.enqueue(JobRequest.of("k", UUID.randomUUID(), 0));
        long id = store.takeForDispatch(10, LONG).getFirst().jobId();
        assertThat(store.claim(id, "doomed", Duration.ofMillis(500))).isPresent();
        assertThat(store.takeForDispatch(10, LONG)).as("running").isEmpty();
        Thread.sleep(700);
        assertThat(store.takeForDispatch(10, LONG)).extracting(JobStore.Dispatch::jobId).containsExactly(id);
        assertThat(store.takeForDispatch(10, LONG)).as("not twice for one expiry").isEmpty();
        assertThat(store.claim(id, "rescuer", LONG)).map(Job::attempt).contains(2);
    }

    @Test
    void lostMessage_isDispatchedAgainAfterTheRedeliveryDelay() throws Exception {
        store.enqueue(JobRequest.of("k", UUID.randomUUID(), 0));
        store.takeForDispatch(10, Duration.ofMillis(300));
        Thread.sleep(500);
        assertThat(store.takeForDispatch(10, Duration.ofMillis(300))).hasSize(1);
    }

    @Test
    void claimById_refusesDuplicatesAndFinishedJobs() {
        store.enqueue(JobRequest.of("k", UUID.randomUUID(), 0));
        long id = store.takeForDispatch(10, LONG).getFirst().jobId();
        assertThat(store.claim(id, "w1", LONG)).isPresent();
        assertThat(store.claim(id, "w2", LONG)).as("duplicate delivery while running").isEmpty();
        store.complete(id);
        assertThat(store.claim(id, "w2", LONG)).as("already done").isEmpty();
    }

    @Test
    void retry_isDispatchedAgainOnlyWhenDue() {
        store.enqueue(JobRequest.of("k", UUID.randomUUID(), 0));
        long id = store.takeForDispatch(10, LONG).getFirst().jobId();
        store.claim(id, "w", LONG);
        store.retryLater(id, Duration.ofMinutes(5), "boom");
        assertThat(store.takeForDispatch(10, LONG)).isEmpty();
        jdbc.sql("update jobs set run_after = now() where id = ?").param(id).update();
        assertThat(store.takeForDispatch(10, LONG)).hasSize(1);
    }
}
