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
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(topic, (t, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }
}
