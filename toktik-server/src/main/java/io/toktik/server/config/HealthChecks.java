package io.toktik.server.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health indicators for backends: UP when a quick check (a PING, a HEAD) completes, DOWN with the reason when it throws. */
final class HealthChecks {
    /** A quick round trip to a backend. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private HealthChecks() {}

    static HealthIndicator of(Check check) {
        return () -> {
            try {
                check.run();
                return Health.up().build();
            } catch (Exception e) {
                return Health.down().withDetail("reason", e.toString()).build();
            }
        };
    }
}
