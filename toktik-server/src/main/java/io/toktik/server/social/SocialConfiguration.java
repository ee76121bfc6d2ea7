package io.toktik.server.social;

import io.toktik.core.events.EventBus;
import io.toktik.core.social.JdbcCommentRepository;
import io.toktik.core.social.JdbcFollowRepository;
import io.toktik.core.social.JdbcLikeRepository;
import io.toktik.core.social.JdbcNotificationRepository;
import io.toktik.core.social.Notifier;
import io.toktik.core.social.SocialEvents;
import io.toktik.core.video.VideoRepository;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Follows, likes, comments and notifications; in every role, since workers notify owners of processing news too. */
@Configuration(proxyBeanMethods = false)
class SocialConfiguration {
    /** Likes (or follows) within this window of the first one gather into one unread notification. */
    static final Duration BATCH_WINDOW = Duration.ofMinutes(1);

    @Bean
    JdbcFollowRepository followRepository(JdbcClient jdbc) {
        return new JdbcFollowRepository(jdbc);
    }

    @Bean
    JdbcLikeRepository likeRepository(JdbcClient jdbc, TransactionTemplate tx) {
        return new JdbcLikeRepository(jdbc, tx);
    }

    @Bean
    JdbcCommentRepository commentRepository(JdbcClient jdbc, TransactionTemplate tx) {
        return new JdbcCommentRepository(jdbc, tx);
    }

    @Bean
    JdbcNotificationRepository notificationRepository(JdbcClient jdbc) {
        return new JdbcNotificationRepository(jdbc, BATCH_WINDOW);
    }

    @Bean
    SocialEvents socialEvents(EventBus bus) {
        return new SocialEvents(bus);
    }

    @Bean
    Notifier notifier(JdbcNotificationRepository notifications, VideoRepository videos, SocialEvents events) {
        return new Notifier(notifications, videos, events);
    }
}
