package io.toktik.tests;

import io.toktik.core.views.InMemoryViewCounter;
import io.toktik.core.views.ViewCounter;
import java.time.Clock;
import java.time.Duration;

/** The embedded counter passes the view-counter contract; its one process is both "nodes". */
class InMemoryViewCounterContractTest extends ViewCounterContract {
    private InMemoryViewCounter shared;

    @Override
    protected ViewCounter newCounter(Duration window) {
        if (shared == null || !window.equals(Duration.ofHours(1))) {
            InMemoryViewCounter counter = new InMemoryViewCounter(Clock.systemUTC(), window);
            if (window.equals(Duration.ofHours(1))) shared = counter;
            return counter;
        }
        return shared;
    }
}
