package io.toktik.core.queue;

import java.util.UUID;

/** A claimed unit of work; {@code attempt} counts from 1 and includes runs cut short by a crash. */
public record Job(long id, String kind, UUID videoId, String payload, int attempt, int maxAttempts) {

    public boolean isLastAttempt() {
        return attempt >= maxAttempts;
    }
}
