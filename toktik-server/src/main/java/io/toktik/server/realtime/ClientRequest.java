package io.toktik.server.realtime;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One message from a client: {@code {"op":"auth","token":…}}, {@code {"op":"subscribe"|"unsubscribe","topic":…}} or {@code {"op":"ping"}}. */
record ClientRequest(Op op, String topic, String token) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Op { AUTH, SUBSCRIBE, UNSUBSCRIBE, PING }

    static ClientRequest parse(String text) throws RefusedRequest {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new RefusedRequest("Not JSON: send an object such as {\"op\":\"subscribe\",\"topic\":\"video:<id>\"}");
        }
        if (message == null || !message.isObject()) {
            throw new RefusedRequest("A message must be a JSON object such as {\"op\":\"subscribe\",\"topic\":\"video:<id>\"}");
        }
        Op op = switch (text(message, "op")) {
            case "auth" -> Op.AUTH;
            case "subscribe" -> Op.SUBSCRIBE;
            case "unsubscribe" -> Op.UNSUBSCRIBE;
            case "ping" -> Op.PING;
            case null -> throw new RefusedRequest("Missing \"op\" (a string): one of auth, subscribe, unsubscribe, ping");
            default -> throw new RefusedRequest("Unknown op \"" + abbreviate(text(message, "op"))
                    + "\": use auth, subscribe, unsubscribe or ping");
        };
        return switch (op) {
            case AUTH -> new ClientRequest(op, null, required(message, "token"));
            case SUBSCRIBE, UNSUBSCRIBE -> new ClientRequest(op, required(message, "topic"), null);
            case PING -> new ClientRequest(op, null, null);
        };
    }

    private static String required(JsonNode message, String field) throws RefusedRequest {
        String value = text(message, field);
        if (value == null || value.isBlank()) throw new RefusedRequest("Missing \"" + field + "\" (a string)");
        return value;
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** Client text echoed in an error, cut short so that an error is never larger than what caused it. */
    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
