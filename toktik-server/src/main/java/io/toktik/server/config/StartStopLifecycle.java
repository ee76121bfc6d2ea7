package io.toktik.server.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a background component once the application (and its migrated database) is up, and stops it
 * during graceful shutdown, before the beans it needs are destroyed.
 */
public final class StartStopLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StartStopLifecycle.class);

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

    /**
     * Runs {@code task} every {@code interval} on a daemon thread of its own while the application runs (a failed run
     * is logged, and the next one comes as usual); on stop, lets a run in progress finish and then, when
     * {@code onceMoreAtStop}, runs it a last time.
     */
    public static StartStopLifecycle every(Duration interval, String threadName, Runnable task, boolean onceMoreAtStop) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
        long every = interval.toMillis();
        Runnable run = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed (it runs again in {}): {}", threadName, interval, e.toString());
            }
        };
        return new StartStopLifecycle(
                () -> timer.scheduleWithFixedDelay(run, every, every, TimeUnit.MILLISECONDS),
                () -> {
                    timer.shutdown();
                    timer.awaitTermination(10, TimeUnit.SECONDS);
                    if (onceMoreAtStop) run.run();
                });
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
