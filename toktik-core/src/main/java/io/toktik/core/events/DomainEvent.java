package io.toktik.core.events;

import java.util.Map;

/** Something that happened, for whoever listens on {@code topic} (such as {@code video:<id>} or {@code user:<id>}). */
public record DomainEvent(String topic, String type, Map<String, Object> data) {
    public DomainEvent {
        data = Map.copyOf(data);
    }
}
