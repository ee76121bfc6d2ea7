package io.toktik.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SocialEventsIT extends SocialFixtures {
    @Autowired
    EventBus bus;

    @Test
    void likesAndComments_arePublishedOnTheVideosTopic() throws Exception {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");
        BlockingQueue<DomainEvent> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable ignored = bus.subscribe("video:" + id, heard::add)) {
            put("/api/videos/" + id + "/like", fan.token());
            put("/api/videos/" + id + "/like", fan.token()); // no change, no event
            String comment = comment(id, fan, "hello").json().get("id").asString();
            api.delete("/api/comments/" + comment, fan.token());

            DomainEvent likes = next(heard);
            assertThat(likes.type()).isEqualTo("video.likes");
            assertThat(((Number) likes.data().get("likeCount")).longValue()).isEqualTo(1);
            DomainEvent created = next(heard);
            assertThat(created.type()).isEqualTo("comment.created");
            assertThat(created.data()).containsEntry("id", comment).containsEntry("text", "hello").doesNotContainKey("parentId");
            DomainEvent deleted = next(heard);
            assertThat(deleted.type()).isEqualTo("comment.deleted");
            assertThat(deleted.data()).containsEntry("id", comment);
        }
    }

    @Test
    void notifications_arePublishedOnTheRecipientsTopic() throws Exception {
        Person owner = person("owner");
        Person fan = person("fan");
        String id = readyVideo(owner, "PUBLIC");
        BlockingQueue<DomainEvent> heard = new LinkedBlockingQueue<>();
        try (AutoCloseable ignored = bus.subscribe("user:" + owner.id(), heard::add)) {
            put("/api/videos/" + id + "/like", fan.token());

            DomainEvent n = next(heard);
            assertThat(n.type()).isEqualTo("notification");
            assertThat(n.data()).containsEntry("type", "LIKE").containsEntry("videoId", id).containsKey("actor");
            assertThat((String) n.data().get("text")).contains(fan.username(), "liked");
        }
    }

    private static DomainEvent next(BlockingQueue<DomainEvent> heard) throws InterruptedException {
        DomainEvent event = heard.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("an event").isNotNull();
        return event;
    }
}
