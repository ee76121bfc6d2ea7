package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;

/** The all-in-one server, reached over WebSocket at {@code /ws}, with its event bus at hand to publish on. */
abstract class RealtimeServerIT extends ServerIT {
    @Autowired
    EventBus bus;

    @Autowired
    TopicRegistry registry;

    String wsUrl() {
        return api.url("/ws").replaceFirst("^http", "ws");
    }

    String wsUrl(String accessToken) {
        return wsUrl() + "?access_token=" + accessToken;
    }

    UUID userId(String token) {
        return UUID.fromString(api.get("/api/me", token).json().get("id").asString());
    }

    /** A new video of the token's user, still waiting for its file (so only its owner may follow it). */
    String newVideo(String token, String visibility) {
        TestApi.Response created = api.post("/api/videos", token, Map.of("title", "Live", "visibility", visibility));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    void publish(String topic, String type, Map<String, Object> data) {
        bus.publish(new DomainEvent(topic, type, data));
    }

    /** Waits for something the server does in the background; fails when it never happens. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Never happened: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
