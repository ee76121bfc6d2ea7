package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicAccessTest {
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private final VideoRepository videos = mock(VideoRepository.class);
    private final TopicAccess access = new TopicAccess(videos);

    @Test
    void aVideoTopic_isOpenToExactlyThoseTheVideoIsVisibleTo() {
        Video video = videoVisibleTo(OWNER);
        String topic = "video:" + video.id();
        assertThat(allowed(topic, OWNER)).isTrue();
        assertThat(allowed(topic, OTHER)).isFalse();
        assertThat(allowed(topic, null)).isFalse();

        Video open = videoVisibleTo(OWNER, OTHER, null);
        assertThat(allowed("video:" + open.id(), OTHER)).isTrue();
        assertThat(allowed("video:" + open.id(), null)).isTrue();
    }

    @Test
    void userMe_isTheSignedInUsersOwnTopic_andShownBackAsUserMe() throws RefusedRequest {
        assertThat(access.authorize("user:me", OWNER)).isEqualTo("user:" + OWNER);
        assertThat(TopicAccess.clientTopic("user:" + OWNER)).isEqualTo("user:me");
        assertThatThrownBy(() -> access.authorize("user:me", null)).hasMessageContaining("Sign in");
        assertThatThrownBy(() -> access.authorize("user:" + OWNER, OWNER)).hasMessageContaining("Unknown topic");
    }

    @Test
    void videoTopics_areCanonical_andNonsenseIsRefused() throws RefusedRequest {
        UUID id = UUID.randomUUID();
        assertThat(TopicAccess.busTopic("video:" + id.toString().toUpperCase(), null)).isEqualTo("video:" + id);
        assertThatThrownBy(() -> TopicAccess.busTopic("video:42", null)).hasMessage("No such video");
        assertThatThrownBy(() -> TopicAccess.busTopic("comments:1", null)).hasMessageContaining("Unknown topic");
        assertThatThrownBy(() -> access.authorize("video:" + id, OWNER)).hasMessage("No such video");
    }

    private boolean allowed(String topic, UUID user) {
        try {
            access.authorize(topic, user);
            return true;
        } catch (RefusedRequest e) {
            assertThat(e).hasMessage("No such video");
            return false;
        }
    }

    /** A mock rather than a record built here: the record grows as other features land; its rule has its own tests. */
    private Video videoVisibleTo(UUID... viewers) {
        Set<Optional<UUID>> allowed = Arrays.stream(viewers).map(Optional::ofNullable).collect(Collectors.toSet());
        Video video = mock(Video.class);
        UUID id = UUID.randomUUID();
        when(video.id()).thenReturn(id);
        when(video.isVisibleTo(any())).thenAnswer(call -> allowed.contains(call.getArgument(0)));
        when(videos.findById(id)).thenReturn(Optional.of(video));
        return video;
    }
}
