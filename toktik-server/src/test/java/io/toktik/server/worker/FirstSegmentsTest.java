package io.toktik.server.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FirstSegmentsTest {
    private final FirstSegments firstSegments = new FirstSegments(Duration.ofMinutes(5));
    private final UUID video = UUID.randomUUID();

    @Test
    void aVideoWhoseFirstSegmentIsNotEncodedHereDoesNotWait() throws Exception {
        firstSegments.begin(UUID.randomUUID());

        firstSegments.await(video); // returns at once, or the test times out
    }

    @Test
    void otherJobsWaitUntilTheFirstSegmentIsReleased() throws Exception {
        FirstSegments.Pending first = firstSegments.begin(video);
        Thread poster = Thread.ofPlatform().start(() -> {
            try {
                firstSegments.await(video);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (poster.getState() != Thread.State.TIMED_WAITING) Thread.onSpinWait();
        assertThat(poster.isAlive()).isTrue();

        first.released();

        poster.join();
        firstSegments.await(video); // released: later jobs do not wait either
    }

    @Test
    void anEncodeThatEndsWithoutASegmentReleasesItsWaiters() throws Exception {
        try (FirstSegments.Pending ignored = firstSegments.begin(video)) {
            assertThat(ignored).isNotNull();
        }

        firstSegments.await(video);
    }

    @Test
    void waitingIsBounded() throws Exception {
        FirstSegments bounded = new FirstSegments(Duration.ofMillis(1));
        bounded.begin(video);

        bounded.await(video);
    }
}
