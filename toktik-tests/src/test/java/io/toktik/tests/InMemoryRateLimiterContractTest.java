package io.toktik.tests;

import io.toktik.core.ratelimit.InMemoryRateLimiter;
import io.toktik.core.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The embedded limiter passes the rate-limiter contract; its one process is both "nodes"; time is a test clock. */
class InMemoryRateLimiterContractTest extends RateLimiterContract {
    private final TestClock clock = new TestClock();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);

    @Override
    protected RateLimiter newLimiter() {
        return limiter;
    }

    @Override
    protected void expire(String key) {
        clock.now = clock.now.plus(WINDOW);
    }

    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
