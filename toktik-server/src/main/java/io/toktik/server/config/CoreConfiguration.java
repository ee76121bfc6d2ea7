package io.toktik.server.config;

import io.toktik.core.events.EventBus;
import io.toktik.core.events.InProcessEventBus;
import io.toktik.core.queue.JobStore;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.storage.FileSystemBlobStore;
import io.toktik.core.user.JdbcUserRepository;
import io.toktik.core.user.RefreshTokenRepository;
import io.toktik.core.user.UserRepository;
import io.toktik.core.video.JdbcVideoRepository;
import io.toktik.core.video.VideoEvents;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoService;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The domain's repositories and services, and the embedded adapters of the ports. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    VideoRepository videoRepository(JdbcClient jdbc) {
        return new JdbcVideoRepository(jdbc);
    }

    @Bean
    UserRepository userRepository(JdbcClient jdbc) {
        return new JdbcUserRepository(jdbc);
    }

    @Bean
    RefreshTokenRepository refreshTokenRepository(JdbcClient jdbc) {
        return new RefreshTokenRepository(jdbc);
    }

    @Bean
    @ConditionalOnBackend(property = "toktik.storage.type", value = "fs", isDefault = true)
    BlobStore fileSystemBlobStore(TokTikProperties props) throws IOException {
        return new FileSystemBlobStore(props.dataDir().resolve("blobs"));
    }

    @Bean
    @ConditionalOnBackend(property = "toktik.events.type", value = "embedded", isDefault = true)
    EventBus inProcessEventBus() {
        return new InProcessEventBus();
    }

    @Bean
    VideoEvents videoEvents(EventBus bus) {
        return new VideoEvents(bus);
    }

    /** The durable job table; enqueueing wakes whatever in this process moves jobs on (runner or relay). */
    @Bean
    JobStore jobStore(JdbcClient jdbc, ObjectProvider<JobWakeUp> wakeUps) {
        return new JobStore(jdbc, () -> wakeUps.orderedStream().forEach(JobWakeUp::run));
    }

    @Bean
    VideoService videoService(VideoRepository videos, BlobStore blobs, JobStore jobs, TransactionTemplate tx, Clock clock) {
        return new VideoService(videos, blobs, jobs, tx, clock);
    }
}
