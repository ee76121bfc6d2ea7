package io.toktik.core.events;

import java.util.function.Consumer;

/** Publishes domain events to the subscribers of their topic, on this node and (when distributed) every other. */
public interface EventBus {

    void publish(DomainEvent event);

    /** @return a handle whose {@code close()} ends the subscription */
    AutoCloseable subscribe(String topic, Consumer<DomainEvent> listener);
}
