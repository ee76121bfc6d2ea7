package io.toktik.core.ratelimit;

import java.time.Duration;

/**
 * Counts events per key in fixed windows: the first event of a key opens its window, which lasts {@code window};
 * when it ends the count starts again from zero. Callers decide what a count means (e.g. 5 failed logins → wait).
 * Keys are opaque strings; an implementation shared by several processes (Redis) makes the limits hold across them.
 */
public interface RateLimiter {

    /** Counts one event against {@code key}; the window opens with the first event. Returns the count so far. */
    Window hit(String key, Duration window);

    /** The current count of {@code key} without counting; {@link Window#EMPTY} when it has none. */
    Window peek(String key);

    /** Forgets {@code key}'s count (e.g. after a successful login). */
    void reset(String key);

    /** A key's count in its current window, and how long until the window ends. */
    record Window(long count, Duration resetsIn) {
        public static final Window EMPTY = new Window(0, Duration.ZERO);
    }
}
