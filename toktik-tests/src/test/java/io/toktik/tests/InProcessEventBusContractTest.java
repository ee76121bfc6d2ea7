package io.toktik.tests;

import io.toktik.core.events.EventBus;
import io.toktik.core.events.InProcessEventBus;

/** The embedded bus passes the event-bus contract; its one process is both "nodes". */
class InProcessEventBusContractTest extends EventBusContract {
    private final InProcessEventBus bus = new InProcessEventBus();

    @Override
    protected EventBus newBus() {
        return bus;
    }
}
