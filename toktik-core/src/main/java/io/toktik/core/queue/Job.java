package io.toktik.core.queue;

import java.time.Duration;
import java.util.UUID;

/**
 * A claimed unit of work; {@code attempt} counts from 1 and includes runs cut short by a crash; {@code waited} is how
 * long it was due before this claim.
 */
public record Job(long id, String kind, UUID videoId, String payload, int attempt, int maxAttempts, Duration waited) {

    public boolean isLastAttempt() {
        return attempt >= maxAttempts;
    }
}
