package io.toktik.redis;

import io.toktik.core.events.DomainEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire form of a {@link DomainEvent}: UTF-8 JSON {@code {"topic":…,"type":…,"data":{…}}}. Whole numbers come
 * back as {@code Integer} when they fit one, else {@code Long}; fractions as {@code Double}; lists as lists (other
 * objects as what Jackson writes of them: a map of their properties, a string for {@code java.time} values).
 */
final class EventJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS) // an object with nothing to write is a mistake, not {}
            .build();

    private EventJson() {}

    /** @throws tools.jackson.core.JacksonException when the data holds something JSON cannot say */
    static byte[] write(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** @throws tools.jackson.core.JacksonException when the bytes are not an event */
    static DomainEvent read(byte[] json) {
        return MAPPER.readValue(json, DomainEvent.class);
    }
}
