package io.toktik.server.config;

/** Tells this process's job runner, when it has one, that work was enqueued. */
@FunctionalInterface
public interface JobWakeUp extends Runnable {}
