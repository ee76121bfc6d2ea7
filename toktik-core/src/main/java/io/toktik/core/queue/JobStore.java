package io.toktik.core.queue;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code jobs} table: the durable record of every job accepted. Workers claim a job with a lease;
 * a worker that dies loses its lease and the job is claimed again.
 */
public final class JobStore implements JobQueue {
    private final JdbcClient jdbc;
    private final Runnable onEnqueue;

    /** @param onEnqueue told (after commit when in a transaction) that work is waiting */
    public JobStore(JdbcClient jdbc, Runnable onEnqueue) {
        this.jdbc = jdbc;
        this.onEnqueue = onEnqueue;
    }

    @Override
    public void enqueue(JobRequest job) {
        jdbc.sql("insert into jobs (kind, video_id, payload, priority) values (?, ?, ?, ?)")
                .params(job.kind(), job.videoId(), job.payload(), job.priority()).update();
        AfterCommit.run(onEnqueue);
    }

    /** Claims the most urgent runnable job of one of {@code kinds}, counting it as an attempt. */
    public Optional<Job> claim(Collection<String> kinds, String workerId, Duration lease) {
        return jdbc.sql("""
                update jobs set attempts = attempts + 1, locked_by = :worker,
                                locked_until = now() + make_interval(secs => :lease)
                where id = (select id from jobs
                            where dead_at is null and run_after <= now()
                              and (locked_until is null or locked_until < now())
                              and kind = any(:kinds)
                            order by priority, id limit 1
                            for update skip locked)
                returning id, kind, video_id, payload, attempts, max_attempts""")
                .param("worker", workerId)
                .param("lease", lease.toMillis() / 1000.0)
                .param("kinds", kinds.toArray(String[]::new))
                .query((rs, n) -> new Job(rs.getLong("id"), rs.getString("kind"), rs.getObject("video_id", UUID.class),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getInt("max_attempts")))
                .optional();
    }

    /** Extends the lease of a job still running; false when the lease was lost to another worker. */
    public boolean extend(long jobId, String workerId, Duration lease) {
        return jdbc.sql("""
                update jobs set locked_until = now() + make_interval(secs => ?)
                where id = ? and locked_by = ?""")
                .params(lease.toMillis() / 1000.0, jobId, workerId).update() == 1;
    }

    public void complete(long jobId) {
        jdbc.sql("delete from jobs where id = ?").param(jobId).update();
    }

    /** Schedules another attempt after {@code backoff}. */
    public void retryLater(long jobId, Duration backoff, String error) {
        jdbc.sql("""
                update jobs set locked_by = null, locked_until = null, last_error = ?,
                                run_after = now() + make_interval(secs => ?)
                where id = ?""")
                .params(error, backoff.toMillis() / 1000.0, jobId).update();
    }

    /** Keeps a job that will not be retried, for inspection (the dead-letter of the embedded queue). */
    public void bury(long jobId, String error) {
        jdbc.sql("update jobs set dead_at = now(), locked_by = null, locked_until = null, last_error = ? where id = ?")
                .params(error, jobId).update();
    }

    /** Hands back, uncounted, the jobs a stopping worker did not finish. */
    public int release(String workerId) {
        return jdbc.sql("""
                update jobs set locked_by = null, locked_until = null, attempts = greatest(attempts - 1, 0)
                where locked_by = ?""")
                .param(workerId).update();
    }

    /** Jobs waiting or running, not dead. */
    public long pending() {
        return jdbc.sql("select count(*) from jobs where dead_at is null").query(Long.class).single();
    }

    public void deleteForVideo(UUID videoId) {
        jdbc.sql("delete from jobs where video_id = ?").param(videoId).update();
    }
}
