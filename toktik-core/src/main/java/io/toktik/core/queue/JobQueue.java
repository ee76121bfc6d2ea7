package io.toktik.core.queue;

/**
 * Accepts jobs. An implementation must record the job in the caller's database transaction, so a job
 * exists exactly when the state change that caused it was committed, and must deliver it at least once.
 */
public interface JobQueue {

    void enqueue(JobRequest job);
}
