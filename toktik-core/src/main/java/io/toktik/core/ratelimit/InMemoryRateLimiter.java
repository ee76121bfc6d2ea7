package io.toktik.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RateLimiter} for one process: counts in a map, expired windows swept as the map grows. */
public final class InMemoryRateLimiter implements RateLimiter {
    /** Above this many keys, expired windows are swept on the next hit. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Window hit(String key, Duration window) {
        Instant now = clock.instant();
        if (counters.size() > SWEEP_ABOVE) counters.values().removeIf(c -> !c.endsAt.isAfter(now));
        Counter c = counters.compute(key, (k, old) ->
                old == null || !old.endsAt.isAfter(now) ? new Counter(1, now.plus(window)) : new Counter(old.count + 1, old.endsAt));
        return c.window(now);
    }

    @Override
    public Window peek(String key) {
        Instant now = clock.instant();
        Counter c = counters.get(key);
        return c == null || !c.endsAt.isAfter(now) ? Window.EMPTY : c.window(now);
    }

    @Override
    public void reset(String key) {
        counters.remove(key);
    }

    private record Counter(long count, Instant endsAt) {
        Window window(Instant now) {
            return new Window(count, Duration.between(now, endsAt));
        }
    }
}
