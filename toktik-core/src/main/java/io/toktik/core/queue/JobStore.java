package io.toktik.core.queue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code jobs} table: the durable record of every job accepted. Workers claim a job with a lease;
 * a worker that dies loses its lease and the job is claimed again.
 */
public final class JobStore implements JobQueue {
    private static final RowMapper<Job> CLAIMED = (rs, n) -> new Job(rs.getLong("id"), rs.getString("kind"),
            rs.getObject("video_id", UUID.class), rs.getString("payload"), rs.getInt("attempts"), rs.getInt("max_attempts"),
            Duration.ofMillis(Math.max(0, rs.getLong("waited_ms"))));
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
                returning id, kind, video_id, payload, attempts, max_attempts,
                          (extract(epoch from now() - run_after) * 1000)::bigint as waited_ms""")
                .param("worker", workerId)
                .param("lease", lease.toMillis() / 1000.0)
                .param("kinds", kinds.toArray(String[]::new))
                .query(CLAIMED)
                .optional();
    }

    /**
     * Claims one job by id, as a broker delivered it: empty when it is finished, dead, not due yet, or leased to a
     * live worker (a duplicate delivery) — the caller then drops the message.
     */
    public Optional<Job> claim(long jobId, String workerId, Duration lease) {
        return jdbc.sql("""
                update jobs set attempts = attempts + 1, locked_by = :worker,
                                locked_until = now() + make_interval(secs => :lease)
                where id = :id and dead_at is null and run_after <= now()
                  and (locked_until is null or locked_until < now())
                returning id, kind, video_id, payload, attempts, max_attempts,
                          (extract(epoch from now() - run_after) * 1000)::bigint as waited_ms""")
                .param("worker", workerId)
                .param("lease", lease.toMillis() / 1000.0)
                .param("id", jobId)
                .query(CLAIMED)
                .optional();
    }

    /**
     * Takes up to {@code limit} jobs that need publishing to a broker and marks them published now: due jobs never
     * published, and jobs published before but neither finished nor running — their message was lost, or the worker
     * holding them died (its lease ran out), or nobody took them within {@code redeliverAfter}.
     */
    public List<Dispatch> takeForDispatch(int limit, Duration redeliverAfter) {
        return jdbc.sql("""
                with taken as (
                update jobs set dispatched_at = now()
                where id in (select id from jobs
                             where dead_at is null and run_after <= now()
                               and (locked_until is null or locked_until < now())
                               and (dispatched_at is null
                                    or (locked_until is not null and dispatched_at < locked_until)
                                    or dispatched_at < now() - make_interval(secs => :redeliver))
                             order by priority, id limit :limit
                             for update skip locked)
                returning id, kind, priority)
                select * from taken order by priority, id""")
                .param("redeliver", redeliverAfter.toMillis() / 1000.0)
                .param("limit", limit)
                .query((rs, n) -> new Dispatch(rs.getLong("id"), rs.getString("kind"), rs.getInt("priority")))
                .list();
    }

    /** Marks jobs as not published after all (the broker did not confirm them), so they are taken again. */
    public void undispatch(Collection<Long> jobIds) {
        if (jobIds.isEmpty()) return;
        jdbc.sql("update jobs set dispatched_at = null where id = any(?)").param(jobIds.toArray(Long[]::new)).update();
    }

    /** A job to publish: its id, kind (which queue) and priority. */
    public record Dispatch(long jobId, String kind, int priority) {}

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
                update jobs set locked_by = null, locked_until = null, last_error = ?, dispatched_at = null,
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
                update jobs set locked_by = null, locked_until = null, attempts = greatest(attempts - 1, 0),
                                dispatched_at = null
                where locked_by = ?""")
                .param(workerId).update();
    }

    /** Jobs waiting or running, not dead. */
    public long pending() {
        return jdbc.sql("select count(*) from jobs where dead_at is null").query(Long.class).single();
    }

    /** Per job kind: jobs due and unclaimed, running, dead, and how long the oldest due one has waited. */
    public List<Depth> depth() {
        return jdbc.sql("""
                select kind,
                       count(*) filter (where waiting) as waiting,
                       count(*) filter (where dead_at is null and locked_until >= now()) as running,
                       count(*) filter (where dead_at is not null) as dead,
                       coalesce(extract(epoch from now() - min(run_after) filter (where waiting)), 0) as oldest_wait
                from (select *, dead_at is null and run_after <= now()
                                and (locked_until is null or locked_until < now()) as waiting
                      from jobs) j
                group by kind""")
                .query((rs, n) -> new Depth(rs.getString("kind"), rs.getLong("waiting"), rs.getLong("running"),
                        rs.getLong("dead"), Duration.ofMillis(Math.round(rs.getDouble("oldest_wait") * 1000))))
                .list();
    }

    /** The {@code jobs} table's state for one kind of job. */
    public record Depth(String kind, long waiting, long running, long dead, Duration oldestWait) {}

    public void deleteForVideo(UUID videoId) {
        jdbc.sql("delete from jobs where video_id = ?").param(videoId).update();
    }
}
