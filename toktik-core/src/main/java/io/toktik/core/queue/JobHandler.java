package io.toktik.core.queue;

/**
 * Does one kind of job. Handlers must be idempotent: a job may run again after a crash or a retry.
 * Failures a retry cannot fix (a corrupt upload) are recorded by the handler itself, which then returns
 * normally; an exception means "try again later".
 */
public interface JobHandler {

    String kind();

    void handle(Job job) throws Exception;

    /** Called once, when the job has failed on its last attempt. */
    void onGiveUp(Job job, Exception lastError);
}
