package io.toktik.server.realtime;

import io.toktik.core.events.DomainEvent;
import java.util.UUID;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON frames the gateway sends: events {@code {"topic","type","data"}}, acknowledgements and errors {@code {"type":"error","message"}}. */
final class Frames {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final TextMessage PONG = reply("pong", null);

    private Frames() {}

    /** @throws tools.jackson.core.JacksonException when the event's data holds something JSON cannot say */
    static TextMessage event(String clientTopic, DomainEvent event) {
        return new TextMessage(JSON.writeValueAsString(new EventFrame(clientTopic, event.type(), event.data())));
    }

    static TextMessage subscribed(String clientTopic) {
        return reply("subscribed", clientTopic);
    }

    static TextMessage unsubscribed(String clientTopic) {
        return reply("unsubscribed", clientTopic);
    }

    static TextMessage authenticated(UUID userId) {
        ObjectNode frame = JSON.createObjectNode().put("type", "authenticated").put("userId", userId.toString());
        return new TextMessage(JSON.writeValueAsString(frame));
    }

    /** @param topic the topic the failed request named, or null */
    static TextMessage error(String message, String topic) {
        ObjectNode frame = JSON.createObjectNode().put("type", "error").put("message", message);
        if (topic != null) frame.put("topic", ClientRequest.abbreviate(topic));
        return new TextMessage(JSON.writeValueAsString(frame));
    }

    private static TextMessage reply(String type, String topic) {
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        if (topic != null) frame.put("topic", topic);
        return new TextMessage(JSON.writeValueAsString(frame));
    }

    private record EventFrame(String topic, String type, Object data) {}
}
