package io.toktik.core.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EventBus} within one process; a failing listener never affects the publisher or other listeners. */
public final class InProcessEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Map<String, List<Consumer<DomainEvent>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(DomainEvent event) {
        for (Consumer<DomainEvent> listener : listeners.getOrDefault(event.topic(), List.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("Listener on {} failed for {}: {}", event.topic(), event.type(), e.toString());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<DomainEvent> listener) {
        // Added inside the map's atomic update, so a concurrent last unsubscribe cannot drop the list it lands in.
        listeners.compute(topic, (t, list) -> {
            List<Consumer<DomainEvent>> current = list == null ? new CopyOnWriteArrayList<>() : list;
            current.add(listener);
            return current;
        });
        return () -> listeners.computeIfPresent(topic, (t, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }
}
