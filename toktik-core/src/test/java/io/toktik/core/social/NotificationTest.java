package io.toktik.core.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTest {
    private static final UserRef ANA = new UserRef(UUID.randomUUID(), "ana", "Ana", null);

    @Test
    void text_namesTheLatestActorAndCountsTheOthers() {
        assertThat(of(NotificationType.LIKE, ANA, 1, "").text()).isEqualTo("ana liked “Sunset”");
        assertThat(of(NotificationType.LIKE, ANA, 2, "").text()).isEqualTo("ana and 1 other liked “Sunset”");
        assertThat(of(NotificationType.LIKE, ANA, 50, "").text()).isEqualTo("ana and 49 others liked “Sunset”");
    }

    @Test
    void text_quotesCommentsAndFailureReasons() {
        assertThat(of(NotificationType.COMMENT, ANA, 1, "wow").text()).isEqualTo("ana commented on “Sunset”: wow");
        assertThat(of(NotificationType.VIDEO_FAILED, null, 1, "This file is not a video.").text())
                .isEqualTo("“Sunset” could not be processed: This file is not a video.");
    }

    @Test
    void data_hasEveryApiField_withNullsForWhatIsAbsent() {
        var data = of(NotificationType.VIDEO_READY, null, 1, "").data();
        assertThat(data).containsKeys("id", "type", "actor", "videoId", "text", "read", "createdAt");
        assertThat(data.get("actor")).isNull();
        assertThat(data.get("type")).isEqualTo("VIDEO_READY");
    }

    private static Notification of(NotificationType type, UserRef actor, int count, String body) {
        return new Notification(UUID.randomUUID(), UUID.randomUUID(), type, actor, count, UUID.randomUUID(), "Sunset", body,
                false, Instant.now());
    }
}
