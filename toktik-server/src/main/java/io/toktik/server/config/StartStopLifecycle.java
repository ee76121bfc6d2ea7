package io.toktik.server.config;

import org.springframework.context.SmartLifecycle;

/**
 * Starts a background component once the application (and its migrated database) is up, and stops it
 * during graceful shutdown, before the beans it needs are destroyed.
 */
public final class StartStopLifecycle implements SmartLifecycle {
    /** A step that may throw; failures to start fail the application. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final Step start;
    private final Step stop;
    private volatile boolean running;

    public StartStopLifecycle(Step start, Step stop) {
        this.start = start;
        this.stop = stop;
    }

    @Override
    public void start() {
        try {
            start.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start: " + e.getMessage(), e);
        }
        running = true;
    }

    @Override
    public void stop() {
        try {
            stop.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop cleanly: " + e.getMessage(), e);
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
